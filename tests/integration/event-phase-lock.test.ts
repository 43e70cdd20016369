// The event row lock in changeEventPhase, with the race forced: every step's transaction reads the
// event, then waits until the others have read it too (or a short while has passed) before it writes.
// With the lock only one step at a time is past the read, and the others then read its result and are
// refused; without it (the negative control, PostgreSQL only: PGlite runs one transaction at a time)
// every step reads the same phase and every one of them is taken.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, events, users } from '@/db/schema';
import { publishAgenda } from '@/lib/agenda/publish/publish';
import type { Actor } from '@/lib/auth/sessions';
import { createEvent } from '@/lib/events/admin/create-event';
import {
  changeEventPhase,
  type EventRowRead,
  lockEventRow,
  type PhaseAction,
  type PhaseChange,
  readEventRowWithoutLocking,
} from '@/lib/events/admin/change-phase';
import { eventPhase } from '@/lib/events/lifecycle';
import { actorFor } from '../helpers/actors';
import { meetingGate, WAIT_ALONE_LOCKED_MS, WAIT_FOR_ALL_UNLOCKED_MS } from '../helpers/seat-race';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';

let t: TestDatabase;
let creator: Actor;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 20 });
  creator = await actorFor(t.db, 'creator.phase-lock@forum.test');
  await t.db.update(users).set({ canCreateEvents: true }).where(eq(users.id, creator.userId));
  creator = { ...creator, canCreateEvents: true };
});
afterAll(() => t?.close());

/** A new forum, stepped to `phase` one step at a time. */
async function forumAt(slug: string, phase: 'open' | 'closed') {
  const created = await createEvent(t.db, creator, {
    name: { en: 'Phase lock forum' },
    slug,
    firstDay: '2027-03-10',
    lastDay: '2027-03-11',
    venueNameEn: 'Hall',
    venueCityEn: 'Nanning',
    venueCountry: 'cn',
    venueTimeZone: 'asia/shanghai',
    venueCapacity: '100',
    withOnline: true,
  });
  expect(created.ok).toBe(true);
  await publishAgenda(t.db, creator, slug);
  const steps: PhaseAction[] = phase === 'open' ? ['publish', 'open-registration'] : ['publish', 'open-registration', 'close-registration'];
  for (const step of steps) expect((await changeEventPhase(t.db, creator, slug, step)).ok).toBe(true);
}

/** Wraps the row read so that up to `expected` steps meet after reading (the seat race's gate, for events). */
function rowGate(read: EventRowRead, expected: number): { read: EventRowRead; mostAtOnce: () => number } {
  return meetingGate(
    read,
    expected,
    read === readEventRowWithoutLocking && usingPostgres ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS,
  );
}

const answer = (o: PhaseChange) => (o.ok ? `ok:${o.phase}` : o.code === 'conflict' ? `${o.reason}:${o.phase}` : o.code);
const tally = (list: string[]) => Object.fromEntries([...new Set(list)].sort().map((o) => [o, list.filter((x) => x === o).length]));

/** Runs the steps at once, each in its own transaction, and says what each was told and what was recorded. */
async function race(slug: string, steps: PhaseAction[], read: EventRowRead) {
  const gate = rowGate(read, steps.length);
  const [before] = await t.db.select().from(events).where(eq(events.slug, slug));
  const earlier = new Set((await t.db.select().from(auditLog).where(eq(auditLog.eventId, before!.id))).map((a) => a.id));
  const answers = await Promise.all(steps.map((step) => changeEventPhase(t.db, creator, slug, step, new Date(), gate.read)));
  const [event] = await t.db.select().from(events).where(eq(events.slug, slug));
  const audit = (await t.db.select().from(auditLog).where(eq(auditLog.eventId, event!.id)))
    .filter((a) => !earlier.has(a.id))
    .map((a) => `${a.action} ${(a.details as { from: string }).from}→${(a.details as { to: string }).to}`)
    .sort();
  return { answers: tally(answers.map(answer)), mostAtOnce: gate.mostAtOnce(), phase: eventPhase(event!, new Date()), audit };
}

describe(`the event row lock, with the race forced (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('with the lock, eight organisers closing registration at once close it once; the other seven are told it is closed', async () => {
    await forumAt('close-locked', 'open');
    const result = await race('close-locked', Array(8).fill('close-registration'), lockEventRow);
    expect(result.answers).toEqual({ 'ok:closed': 1, 'not-allowed-now:closed': 7 });
    expect(result.mostAtOnce).toBe(1);
    expect(result.phase).toBe('closed');
    expect(result.audit).toEqual(['event.close-registration open→closed']);
  });

  it('with the lock, archiving and reopening a closed forum at once take one of the two steps; the other is refused', async () => {
    await forumAt('archive-locked', 'closed');
    const result = await race('archive-locked', ['archive', 'open-registration'], lockEventRow);
    expect(result.mostAtOnce).toBe(1);
    // Whichever came first: archived (reopening refused), or open again (archiving refused).
    expect([
      { 'ok:archived': 1, 'not-allowed-now:archived': 1 },
      { 'ok:open': 1, 'not-allowed-now:open': 1 },
    ]).toContainEqual(result.answers);
    const taken = Object.keys(result.answers)
      .find((a) => a.startsWith('ok:'))!
      .slice(3);
    expect(result.phase).toBe(taken);
    expect(result.audit).toEqual([taken === 'archived' ? 'event.archive closed→archived' : 'event.open-registration closed→open']);
  });

  it.runIf(usingPostgres)(
    'without the lock (negative control): all eight close it, and the audit log records eight closings of an open forum',
    async () => {
      await forumAt('close-unlocked', 'open');
      const result = await race('close-unlocked', Array(8).fill('close-registration'), readEventRowWithoutLocking);
      expect(result.answers).toEqual({ 'ok:closed': 8 });
      expect(result.mostAtOnce).toBe(8);
      expect(result.audit).toEqual(Array(8).fill('event.close-registration open→closed'));
    },
  );

  it.runIf(usingPostgres)(
    'without the lock (negative control): archiving and reopening both succeed, and the organiser told "open" finds it archived',
    async () => {
      await forumAt('archive-unlocked', 'closed');
      const result = await race('archive-unlocked', ['archive', 'open-registration'], readEventRowWithoutLocking);
      // Neither is refused: both read "closed", from which both steps are allowed.
      expect(Object.keys(result.answers).every((a) => a.startsWith('ok:'))).toBe(true);
      expect(result.mostAtOnce).toBe(2);
      // Both are recorded as taken from "closed"; the two updates set different columns, so the row ends
      // archived with its registration window reopened behind it, whatever the reopening organiser was told.
      expect(result.audit.map((line) => line.split('→')[0])).toEqual(['event.archive closed', 'event.open-registration closed']);
      expect(result.phase).toBe('archived');
    },
  );
});
