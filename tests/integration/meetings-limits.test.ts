// Limits on asking: five requests an hour per person, held under the requester's own lock (a flood
// of requests sent at once still makes five; the negative control on PostgreSQL makes all of them),
// a cooldown before asking again someone who declined, and blocking a requester.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { answerMeeting } from '@/lib/meetings/answer-meeting';
import { blockRequester, unblockPerson } from '@/lib/meetings/block-person';
import { myMeetings } from '@/lib/meetings/my-meetings';
import { participantById } from '@/lib/meetings/participant';
import { proposeMeetingTime } from '@/lib/meetings/propose-time';
import {
  DECLINE_COOLDOWN_HOURS,
  lockRequester,
  REQUESTS_PER_HOUR,
  type RequesterLock,
  withoutRequesterLock,
} from '@/lib/meetings/request-limits';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';
import { meetingGate, WAIT_ALONE_LOCKED_MS, WAIT_FOR_ALL_UNLOCKED_MS } from '../helpers/seat-race';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let bangkokId: string;
const slots: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 30 });
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.limits@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokId = (await venueBySlug(t.db, 'bangkok')).id;
  for (let i = 0; i < 12; i++) {
    const saved = await createMeetingSlot(t.db, organiser, EVENT, {
      venueId: bangkokId,
      label: `Limit block ${i}`,
      date: '2026-12-29',
      start: `${String(8 + i).padStart(2, '0')}:00`,
      end: `${String(8 + i).padStart(2, '0')}:30`,
      tables: 20,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    slots.push(saved.id);
  }
});
afterAll(() => t?.close());

async function participant(tag: string): Promise<string> {
  const values = person(tag, { mode: 'online', venue: null, email: `${tag}@example.org`, name: `Person ${tag}` });
  const r = await registerAttendee(t.db, EVENT, values, { now });
  if (!r.ok) throw new Error(JSON.stringify(r));
  expect((await saveMatchmakingProfile(t.db, r.registration.id, { sectors: ['big-health'], interests: '' })).ok).toBe(true);
  return r.registration.id;
}

const ask = (from: string, to: string, slotId: string, options: { when?: Date; requesterLock?: RequesterLock } = {}) =>
  requestMeeting(
    t.db,
    from,
    { with: `person:${to}`, slotId, message: '' },
    { now: options.when ?? now, requesterLock: options.requesterLock },
  );

describe(`a flood of requests from one person (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  async function flood(lock: RequesterLock, tag: string) {
    const sender = await participant(`flood-${tag}`);
    const targets: string[] = [];
    for (let i = 0; i < 12; i++) targets.push(await participant(`flood-${tag}-to${i}`));
    const gate = meetingGate(lock, 12, lock === withoutRequesterLock ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS);
    const settled = await Promise.all(targets.map((to, i) => ask(sender, to, slots[i]!, { requesterLock: gate.read })));
    const answers = settled.map((r) => (r.ok ? 'ok' : (Object.values(r.code === 'invalid' ? r.fields : {})[0] ?? r.code)));
    const made = await t.db.select().from(meetings).where(eq(meetings.requesterId, sender));
    return { gate, answers, made };
  }

  it(`with the requester's lock: twelve at once make ${REQUESTS_PER_HOUR}, the rest told to wait`, async () => {
    const { gate, answers, made } = await flood(lockRequester, 'locked');
    expect(answers.filter((a) => a === 'ok')).toHaveLength(REQUESTS_PER_HOUR);
    expect(answers.filter((a) => a !== 'ok')).toEqual(Array(12 - REQUESTS_PER_HOUR).fill(`meetingTooManyHour?max=${REQUESTS_PER_HOUR}`));
    expect(made).toHaveLength(REQUESTS_PER_HOUR);
    expect(gate.mostAtOnce()).toBe(1);
  });

  it.runIf(usingPostgres)('without it all twelve count none before them and all twelve are sent (negative control)', async () => {
    const { gate, answers, made } = await flood(withoutRequesterLock, 'unlocked');
    expect(gate.mostAtOnce()).toBe(12);
    expect(answers).toEqual(Array(12).fill('ok'));
    expect(made).toHaveLength(12);
  });

  it('an hour later the same person may ask again', async () => {
    const sender = await participant('hourly');
    for (let i = 0; i < REQUESTS_PER_HOUR; i++) expect((await ask(sender, await participant(`hourly-to${i}`), slots[i]!)).ok).toBe(true);
    const next = await participant('hourly-next');
    expect(await ask(sender, next, slots[REQUESTS_PER_HOUR]!)).toMatchObject({
      ok: false,
      fields: { with: `meetingTooManyHour?max=${REQUESTS_PER_HOUR}` },
    });
    expect((await ask(sender, next, slots[REQUESTS_PER_HOUR]!, { when: new Date(now.getTime() + 3_600_001) })).ok).toBe(true);
  });
});

describe('cooldown after a decline, and blocking', () => {
  it(`after a decline the asker waits ${DECLINE_COOLDOWN_HOURS} hours before asking the same person; others they may ask at once`, async () => {
    const [a, b, c] = [await participant('cd-a'), await participant('cd-b'), await participant('cd-c')];
    const first = await ask(a, b, slots[0]!);
    if (!first.ok) throw new Error(JSON.stringify(first));
    expect((await answerMeeting(t.db, b, first.id, 'decline', { now })).ok).toBe(true);
    expect(await ask(a, b, slots[1]!)).toMatchObject({ ok: false, fields: { with: `meetingCooldown?hours=${DECLINE_COOLDOWN_HOURS}` } });
    expect((await ask(a, c, slots[1]!)).ok).toBe(true);
    // B may still ask A: the cooldown holds the one who was declined.
    expect((await ask(b, a, slots[2]!)).ok).toBe(true);
    const later = new Date(now.getTime() + DECLINE_COOLDOWN_HOURS * 3_600_000 + 1);
    expect((await ask(a, b, slots[3]!, { when: later })).ok).toBe(true);
  });

  it('proposing another time is not a decline: the first asker may ask again at once', async () => {
    const [a, b] = [await participant('cdp-a'), await participant('cdp-b')];
    const first = await ask(a, b, slots[0]!);
    if (!first.ok) throw new Error(JSON.stringify(first));
    expect((await proposeMeetingTime(t.db, b, first.id, { slotId: slots[1], message: '' }, { now })).ok).toBe(true);
    expect((await ask(a, b, slots[2]!)).ok).toBe(true);
  });

  it('a blocked requester is refused in words, their open request declined; unblocking lets them ask again; only an asker can be blocked', async () => {
    const [a, b, c] = [await participant('bl-a'), await participant('bl-b'), await participant('bl-c')];
    const first = await ask(a, b, slots[4]!);
    if (!first.ok) throw new Error(JSON.stringify(first));
    expect(await blockRequester(t.db, a, first.id, now)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await blockRequester(t.db, c, first.id, now)).toMatchObject({ ok: false, code: 'not-found' });
    expect((await blockRequester(t.db, b, first.id, now)).ok).toBe(true);
    const [row] = await t.db.select().from(meetings).where(eq(meetings.id, first.id));
    expect(row!.status).toBe('declined');
    // Blocked rather than cooled down: the block's words, whenever they try.
    const later = new Date(now.getTime() + 48 * 3_600_000);
    expect(await ask(a, b, slots[5]!, { when: later })).toMatchObject({ ok: false, fields: { with: 'meetingBlocked' } });
    expect((await ask(c, b, slots[5]!)).ok).toBe(true);
    const view = await myMeetings(t.db, (await participantById(t.db, b))!, now);
    expect(view.blocked.map((p) => p.name)).toEqual(['Person bl-a']);
    expect((await unblockPerson(t.db, b, a)).ok).toBe(true);
    expect(await unblockPerson(t.db, b, a)).toMatchObject({ ok: false, code: 'not-found' });
    expect((await ask(a, b, slots[6]!, { when: later })).ok).toBe(true);
  });
});
