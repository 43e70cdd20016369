// What the meeting writes refuse or leave alone beyond their main paths: a slot opened (its clock,
// its audit, a venue not the forum’s), a proposal of another time (bad input, an asker gone, erased
// or cancelled, a slot of the past or unknown, either side busy or unavailable then, the request
// answered meanwhile, whether the new time meets online), availability marks (times past, a person
// who may not meet, a slot gone), a listing's author who may not meet, the daily limit of requests,
// the count a cancelled registration's meetings report, the words of "not yours" answers, and a
// meeting link that is not https.
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  exhibitors,
  listings,
  meetingHolds,
  meetings,
  meetingSlots,
  meetingUnavailability,
  registrations,
  venues,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { answerMeeting } from '@/lib/meetings/answer-meeting';
import { blockRequester, unblockPerson } from '@/lib/meetings/block-person';
import { cancelMeetingsOfRegistration } from '@/lib/meetings/cancel-registration-meetings';
import { proposeMeetingTime } from '@/lib/meetings/propose-time';
import { REQUESTS_PER_DAY } from '@/lib/meetings/request-limits';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { saveAvailability } from '@/lib/meetings/save-availability';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { lockSlot } from '@/lib/meetings/slot-lock';
import { actorFor } from '../helpers/actors';
import { anotherForum, foreignRegistration } from '../helpers/another-forum';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, registeredId, venueBySlug } from '../helpers/registration';
import { someoneWaitsForALock } from '../helpers/lock-wait';
import { fieldsOf } from '../helpers/results';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;
let bangkokId: string;
let nanningId: string;
let other: Awaited<ReturnType<typeof anotherForum>>;
let otherSlot: string;

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.meeting-refusals@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokId = (await venueBySlug(t.db, 'bangkok')).id;
  nanningId = (await venueBySlug(t.db, 'nanning')).id;
  other = await anotherForum(t.db, 'meeting-refusals-other');
  const [hall] = await t.db
    .select()
    .from(venues)
    .where(and(eq(venues.eventId, other.eventId), ne(venues.kind, 'online')));
  const saved = await createMeetingSlot(t.db, other.organiser, 'meeting-refusals-other', {
    venueId: hall!.id,
    label: 'Their block',
    date: '2027-03-10',
    start: '10:00',
    end: '10:30',
    tables: 2,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  otherSlot = saved.id;
});
afterAll(() => t?.close());

let slotCount = 0;
/** A half hour on 29 or 30 December, 09:00 onwards local time, one after another. */
async function slot(venueId = bangkokId, tables = 3): Promise<{ id: string; startsAt: Date }> {
  slotCount += 1;
  const day = 29 + Math.floor((slotCount - 1) / 12);
  const hourOfDay = 9 + ((slotCount - 1) % 12);
  const hour = String(hourOfDay).padStart(2, '0');
  const saved = await createMeetingSlot(t.db, organiser, EVENT, {
    venueId,
    label: `Refusals block ${slotCount}`,
    date: `2026-12-${day}`,
    start: `${hour}:00`,
    end: `${hour}:30`,
    tables,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const [row] = await t.db.select().from(meetingSlots).where(eq(meetingSlots.id, saved.id));
  return { id: saved.id, startsAt: row!.startsAt };
}

async function participant(tag: string, venue = 'bangkok'): Promise<string> {
  const id = await registeredId(t.db, person(tag, { venue, email: `${tag}@example.org`, name: `Person ${tag}` }), now);
  expect((await saveMatchmakingProfile(t.db, id, { sectors: ['big-health'], interests: '' })).ok).toBe(true);
  return id;
}

async function asked(from: string, to: string, slotId: string, online = false): Promise<string> {
  const r = await requestMeeting(t.db, from, { with: `person:${to}`, slotId, message: '', online }, { now });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.id;
}

const meeting = async (id: string) => (await t.db.select().from(meetings).where(eq(meetings.id, id)))[0]!;
const propose = (by: string, id: string, slotId: unknown, at = now) =>
  proposeMeetingTime(t.db, by, id, { slotId, message: '' }, { now: at });
const setRegistration = (id: string, values: Partial<typeof registrations.$inferInsert>) =>
  t.db.update(registrations).set(values).where(eq(registrations.id, id));

describe('opening a slot', () => {
  it('reads its times on the venue’s clock and audits who opened it, with its label and tables', async () => {
    const tokyo = await venueBySlug(t.db, 'tokyo');
    const saved = await createMeetingSlot(t.db, organiser, EVENT, {
      venueId: tokyo.id,
      label: 'Tokyo morning',
      date: '2027-01-05',
      start: '10:00',
      end: '10:40',
      tables: 4,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const [row] = await t.db.select().from(meetingSlots).where(eq(meetingSlots.id, saved.id));
    // 10:00 in Tokyo (UTC+9) is 01:00 UTC.
    expect(row).toMatchObject({
      eventId,
      venueId: tokyo.id,
      label: 'Tokyo morning',
      startsAt: new Date('2027-01-05T01:00:00Z'),
      endsAt: new Date('2027-01-05T01:40:00Z'),
      tables: 4,
    });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, saved.id));
    expect(audits).toEqual([
      expect.objectContaining({
        eventId,
        actorUserId: organiser.userId,
        action: 'meeting-slot.create',
        entity: 'meeting-slot',
        details: { label: 'Tokyo morning', tables: 4 },
      }),
    ]);
  });

  it('refuses another forum’s venue, or an unknown one, beside the venue, and stores nothing', async () => {
    const [theirHall] = await t.db
      .select({ id: venues.id })
      .from(venues)
      .where(and(eq(venues.eventId, other.eventId), ne(venues.kind, 'online')));
    const values = { label: 'Not ours', date: '2027-01-06', start: '10:00', end: '10:30', tables: 2 };
    for (const venueId of [theirHall!.id, randomUUID()]) {
      expect(fieldsOf(await createMeetingSlot(t.db, organiser, EVENT, { ...values, venueId }))).toEqual({ venueId: 'venueNotInEvent' });
    }
    expect(await t.db.select().from(meetingSlots).where(eq(meetingSlots.label, 'Not ours'))).toEqual([]);
  });
});

describe('proposing another time', () => {
  it('refuses bad input, a meeting not asked of you (in words), an unknown slot, one of the past (to the minute), and either side busy or unavailable then', async () => {
    const [a, b, c, d] = [await participant('rp-a'), await participant('rp-b'), await participant('rp-c'), await participant('rp-d')];
    const first = await slot();
    const later = await slot();
    const id = await asked(a, b, first.id);
    expect(fieldsOf(await propose(b, id, 'tomorrow'))).toEqual({ slotId: 'meetingSlot' });
    expect(await propose(c, id, later.id)).toEqual({ ok: false, code: 'not-found', error: 'No such meeting for you' });
    expect(fieldsOf(await propose(b, id, randomUUID()))).toEqual({ slotId: 'meetingSlot' });
    expect(fieldsOf(await propose(b, id, otherSlot))).toEqual({ slotId: 'meetingSlot' });
    expect(fieldsOf(await propose(b, id, later.id, later.startsAt))).toEqual({ slotId: 'meetingSlot' });
    // b is held at `busy` by another request; then a is held at `theirs`.
    const busy = await slot();
    await asked(c, b, busy.id);
    expect(fieldsOf(await propose(b, id, busy.id))).toEqual({ slotId: 'meetingYouBusy' });
    const marked = await slot();
    expect(await saveAvailability(t.db, b, { unavailable: [marked.id] }, { now })).toEqual({ ok: true });
    expect(fieldsOf(await propose(b, id, marked.id))).toEqual({ slotId: 'meetingYouUnavailable' });
    const theirs = await slot();
    expect(await saveAvailability(t.db, a, { unavailable: [theirs.id] }, { now })).toEqual({ ok: true });
    expect(fieldsOf(await propose(b, id, theirs.id))).toEqual({ slotId: 'meetingTheyUnavailable' });
    await asked(d, a, later.id);
    expect(fieldsOf(await propose(b, id, later.id))).toEqual({ slotId: 'meetingTheyBusy' });
    // Nothing of the request moved.
    expect(await meeting(id)).toMatchObject({ status: 'pending', slotId: first.id, replacedBy: null });
    const holds = await t.db.select().from(meetingHolds).where(eq(meetingHolds.meetingId, id));
    expect(holds.map((h) => h.slotId)).toEqual([first.id, first.id]);
  });

  it('an asker erased, or no longer registered, leaves nothing to propose to', async () => {
    const [a, b, e] = [await participant('rp-gone-a'), await participant('rp-gone-b'), await participant('rp-gone-e')];
    const [s1, s2, s3] = [await slot(), await slot(), await slot()];
    const cancelledAsker = await asked(a, b, s1.id);
    // Cancelled without the cancellation's hooks, so the request is still pending: the lock finds them gone.
    await setRegistration(a, { status: 'cancelled', cancelledAt: now });
    expect(fieldsOf(await propose(b, cancelledAsker, s2.id))).toEqual({ meeting: 'meetingNotPending' });
    const erasedAsker = await asked(e, b, s3.id);
    await setRegistration(e, { erasedAt: now });
    expect(fieldsOf(await propose(b, erasedAsker, s2.id))).toEqual({ meeting: 'meetingNotPending' });
    expect((await meeting(cancelledAsker)).status).toBe('pending');
    expect((await meeting(erasedAsker)).status).toBe('pending');
  });

  it('a request answered while the proposal waited for the slots is left as it is, and no new one is made', async () => {
    const [a, b] = [await participant('rp-race-a'), await participant('rp-race-b')];
    const [s1, s2] = [await slot(), await slot()];
    const id = await asked(a, b, s1.id);
    const before = (await t.db.select().from(meetings)).length;
    const withdrawnMeanwhile = async (tx: Parameters<typeof lockSlot>[0], slotId: string) => {
      await tx.update(meetings).set({ status: 'cancelled' }).where(eq(meetings.id, id));
      return lockSlot(tx, slotId);
    };
    expect(fieldsOf(await proposeMeetingTime(t.db, b, id, { slotId: s2.id, message: '' }, { now, slotLock: withdrawnMeanwhile }))).toEqual({
      meeting: 'meetingNotPending',
    });
    expect(await meeting(id)).toMatchObject({ status: 'cancelled', replacedBy: null });
    expect((await t.db.select().from(meetings)).length).toBe(before);
  });

  it('the new time meets at a table only when both are on site at its venue and the request was not online', async () => {
    const [a, b, c, d] = [
      await participant('rp-on-a'),
      await participant('rp-on-b'),
      await participant('rp-on-c'),
      await participant('rp-on-d'),
    ];
    const [s1, s2, s3, s4, s5] = [await slot(), await slot(), await slot(nanningId), await slot(), await slot()];
    const atTable = await asked(a, b, s1.id);
    const moved = await propose(b, atTable, s2.id);
    expect(moved.ok && (await meeting(moved.id)).online).toBe(false);
    const online = await asked(c, d, s4.id, true);
    const stillOnline = await propose(d, online, s5.id);
    expect(stillOnline.ok && (await meeting(stillOnline.id)).online).toBe(true);
    // Both are at Bangkok; a Nanning time can only be met online.
    const elsewhere = await propose(a, (moved as { id: string }).id, s3.id);
    expect(elsewhere.ok && (await meeting(elsewhere.id)).online).toBe(true);
  });
});

describe('marking times unavailable', () => {
  it('marks only times still to come, as of the time given', async () => {
    const p = await participant('ra-past');
    const [s1, s2] = [await slot(), await slot()];
    // At s2's start both have begun and neither is marked; a minute before it, s2 is still to come.
    expect(await saveAvailability(t.db, p, { unavailable: [s1.id, s2.id] }, { now: s2.startsAt })).toEqual({ ok: true });
    const marked = async () =>
      (await t.db.select().from(meetingUnavailability).where(eq(meetingUnavailability.registrationId, p))).map((m) => m.slotId);
    expect(await marked()).toEqual([]);
    expect(await saveAvailability(t.db, p, { unavailable: [s1.id, s2.id] }, { now: new Date(s2.startsAt.getTime() - 60_000) })).toEqual({
      ok: true,
    });
    expect(await marked()).toEqual([s2.id]);
  });

  it('refuses a person who may not meet (erased, cancelled, unknown); a slot gone meanwhile is skipped', async () => {
    const [erased, cancelled, kept] = [await participant('ra-erased'), await participant('ra-cancelled'), await participant('ra-kept')];
    const s = await slot();
    await setRegistration(erased, { erasedAt: now });
    await setRegistration(cancelled, { status: 'cancelled', cancelledAt: now });
    for (const id of [erased, cancelled, randomUUID()])
      expect(fieldsOf(await saveAvailability(t.db, id, { unavailable: [s.id] }, { now }))).toEqual({ unavailable: 'meetingNotConfirmed' });
    expect(await saveAvailability(t.db, kept, { unavailable: [s.id] }, { now, slotLock: async () => null })).toEqual({ ok: true });
    expect(
      await t.db
        .select()
        .from(meetingUnavailability)
        .where(inArray(meetingUnavailability.registrationId, [erased, cancelled, kept])),
    ).toEqual([]);
  });
  it.runIf(usingPostgres)('a person cancelled while the mark waits for their registration’s lock marks nothing', async () => {
    const p = await participant('ra-race');
    const s = await slot();
    let marking: ReturnType<typeof saveAvailability> | undefined;
    await t.db.transaction(async (tx) => {
      await tx.select().from(registrations).where(eq(registrations.id, p)).for('update');
      marking = saveAvailability(t.db, p, { unavailable: [s.id] }, { now });
      await someoneWaitsForALock(t.db);
      await tx.update(registrations).set({ status: 'cancelled', cancelledAt: now }).where(eq(registrations.id, p));
    });
    expect(await marking).toEqual({ ok: true });
    expect(await t.db.select().from(meetingUnavailability).where(eq(meetingUnavailability.registrationId, p))).toEqual([]);
  });
});

describe('asking about a listing and the limits', () => {
  it('a listing whose author may not meet (erased, cancelled, of another forum) is answered like no listing', async () => {
    const asker = await participant('rl-asker');
    const s = await slot();
    const foreign = await foreignRegistration(t.db, other.eventId, 'elsewhere.author@example.org');
    const erased = await participant('rl-erased');
    const cancelled = await participant('rl-cancelled');
    await setRegistration(erased, { erasedAt: now });
    await setRegistration(cancelled, { status: 'cancelled', cancelledAt: now });
    for (const author of [erased, cancelled, foreign]) {
      const [listing] = await t.db
        .insert(listings)
        .values({
          eventId,
          authorRegistrationId: author,
          kind: 'need',
          title: { en: 'Cold-chain sensors' },
          sector: 'big-health',
          trl: 5,
          ipStatus: 'none',
          cooperation: ['licensing'],
          status: 'published',
          moderatedAt: now,
        })
        .returning({ id: listings.id });
      expect(fieldsOf(await requestMeeting(t.db, asker, { with: `listing:${listing!.id}`, slotId: s.id, message: '' }, { now }))).toEqual({
        with: 'meetingWith',
      });
    }
  });

  it('a requester who may not meet is told so; an exhibitor’s listing is answered only by its approved exhibitor’s registered contact', async () => {
    const [asker, cancelled, erased, contact] = [
      await participant('rx-asker'),
      await participant('rx-cancelled'),
      await participant('rx-erased'),
      await participant('rx-contact'),
    ];
    const s = await slot();
    await setRegistration(cancelled, { status: 'cancelled', cancelledAt: now });
    await setRegistration(erased, { erasedAt: now });
    for (const from of [cancelled, erased, randomUUID()])
      expect(fieldsOf(await requestMeeting(t.db, from, { with: `person:${contact}`, slotId: s.id, message: '' }, { now }))).toEqual({
        with: 'meetingNotConfirmed',
      });
    const listingOf = async (slug: string, values: Partial<typeof exhibitors.$inferInsert>) => {
      const [exhibitor] = await t.db
        .insert(exhibitors)
        .values({ eventId, slug, name: { en: slug }, country: 'TH', sectors: ['big-health'], ...values })
        .returning({ id: exhibitors.id });
      const [listing] = await t.db
        .insert(listings)
        .values({
          eventId,
          exhibitorId: exhibitor!.id,
          kind: 'offer',
          title: { en: `${slug} offer` },
          sector: 'big-health',
          trl: 6,
          ipStatus: 'patent',
          cooperation: ['licensing'],
          status: 'published',
          moderatedAt: now,
        })
        .returning({ id: listings.id });
      return listing!.id;
    };
    const ask = (listing: string) => requestMeeting(t.db, asker, { with: `listing:${listing}`, slotId: s.id, message: '' }, { now });
    const pending = await listingOf('rx-pending', { contactEmail: 'rx-contact@example.org' });
    const noContact = await listingOf('rx-no-contact', { status: 'approved', approvedAt: now });
    const unregistered = await listingOf('rx-unregistered', { status: 'approved', approvedAt: now, contactEmail: 'nobody@example.org' });
    for (const listing of [pending, noContact, unregistered]) expect(fieldsOf(await ask(listing))).toEqual({ with: 'meetingWith' });
    const answered = await listingOf('rx-answered', { status: 'approved', approvedAt: now, contactEmail: 'RX-Contact@Example.org' });
    const made = await ask(answered);
    expect(made.ok && (await meeting(made.id))).toMatchObject({ inviteeId: contact, listingId: answered });
  });

  it(`no more than ${REQUESTS_PER_DAY} requests in a day, spread over its hours`, async () => {
    const [asker, declined, next] = [await participant('rd-asker'), await participant('rd-declined'), await participant('rd-next')];
    const [spent, fresh] = [await slot(), await slot()];
    await t.db.insert(meetings).values(
      Array.from({ length: REQUESTS_PER_DAY }, (_, i) => ({
        eventId,
        slotId: spent.id,
        requesterId: asker,
        inviteeId: declined,
        status: 'declined' as const,
        // One an hour, from 23 hours ago to 4 hours ago: never five in the last hour.
        createdAt: new Date(now.getTime() - (23 - i) * 3_600_000 - 60_000),
      })),
    );
    expect(fieldsOf(await requestMeeting(t.db, asker, { with: `person:${next}`, slotId: fresh.id, message: '' }, { now }))).toEqual({
      with: `meetingTooMany?max=${REQUESTS_PER_DAY}`,
    });
    // Three hours later the three oldest have aged out.
    const dayLater = new Date(now.getTime() + 3 * 3_600_000);
    expect((await requestMeeting(t.db, asker, { with: `person:${next}`, slotId: fresh.id, message: '' }, { now: dayLater })).ok).toBe(true);
  });
});

describe('answers and blocks', () => {
  it('a meeting link that is not https is refused by its own words; answering a meeting not yours is refused in words', async () => {
    const [a, b, c] = [await participant('rb-a'), await participant('rb-b'), await participant('rb-c')];
    const s = await slot();
    const id = await asked(a, b, s.id, true);
    expect(fieldsOf(await answerMeeting(t.db, b, id, 'accept', { now, meetingUrl: 'http://meet.example.org/x' }))).toEqual({
      meetingUrl: 'https',
    });
    expect(await answerMeeting(t.db, c, id, 'accept', { now })).toEqual({ ok: false, code: 'not-found', error: 'No such meeting for you' });
    expect(await answerMeeting(t.db, a, id, 'accept', { now })).toEqual({ ok: false, code: 'not-found', error: 'No such meeting for you' });
    expect(await blockRequester(t.db, c, id, now)).toEqual({ ok: false, code: 'not-found', error: 'No such meeting for you' });
    expect(await unblockPerson(t.db, b, c)).toEqual({ ok: false, code: 'not-found', error: 'No such block' });
    expect((await meeting(id)).status).toBe('pending');
  });

  it('a cancelled registration’s meetings are counted as they are cancelled, and a second pass finds none', async () => {
    const [a, b, c] = [await participant('rc-a'), await participant('rc-b'), await participant('rc-c')];
    const [s1, s2] = [await slot(), await slot()];
    await asked(a, b, s1.id);
    const accepted = await asked(c, a, s2.id);
    expect((await answerMeeting(t.db, a, accepted, 'accept', { now })).ok).toBe(true);
    expect(await t.db.transaction((tx) => cancelMeetingsOfRegistration(tx, a, now))).toBe(2);
    expect(await t.db.transaction((tx) => cancelMeetingsOfRegistration(tx, a, now))).toBe(0);
    expect((await meeting(accepted)).status).toBe('cancelled');
    expect(
      await t.db
        .select()
        .from(meetingHolds)
        .where(and(eq(meetingHolds.registrationId, a))),
    ).toEqual([]);
  });
});
