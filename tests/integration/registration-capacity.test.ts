import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, registrations, venues } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { cancelRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { RegistrationBatches } from '@/lib/registration/registration-batches';
import { lockSeats, readSeatsWithoutLocking, type SeatLock } from '@/lib/registration/seats';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { addSeatedSession, seatedRegistration, type SeatedSession } from '../helpers/seated-session';
import { EVENT, person, seatsOf, sessionBySlug, venueBySlug, waitlistedAt } from '../helpers/registration';
import { seatInvariantBreaches } from '../helpers/seat-invariants';
import { outcomes, seatGate } from '../helpers/seat-race';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 40 });
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

/**
 * Where the i-th of a crowd of registrations is written: one process's batches would serialise the
 * writes themselves (one transaction at a time per event), so the crowd is spread over six app
 * instances, each with its own batches, and every fifth registration goes alone, in a transaction of
 * its own. Only the database's seat lock can then keep them apart.
 */
function spreadOver(lock: SeatLock = lockSeats) {
  const instances = Array.from({ length: 6 }, () => new RegistrationBatches(t.db, lock));
  return (i: number) => (i % 5 === 4 ? new RegistrationBatches(t.db, lock) : instances[i % instances.length]!);
}

describe(`capacity under concurrency (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('300 concurrent registrations for a 30-seat session confirm exactly 30 and waitlist 270 in positions 1..270', async () => {
    const workshop = await sessionBySlug(t.db, 'young-scientists-workshop');
    const batches = spreadOver();
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        registerAttendee(t.db, EVENT, person(`ws${i}`, { sessions: [workshop] }), { now, batches: batches(i) }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(300);
    const seats = await seatsOf(t.db, workshop);
    expect(seats.confirmed).toHaveLength(30);
    expect(seats.counter).toBe(30);
    expect(seats.waitlisted.map((s) => s.waitlistPosition)).toEqual(Array.from({ length: 270 }, (_, i) => i + 1));
    // Each answer told the truth about the seat it got.
    const answered = results.flatMap((r) => (r.ok ? r.registration.sessions : []));
    expect(answered.filter((s) => s.status === 'confirmed')).toHaveLength(30);
    // Every committed registration has exactly one mail.
    const mails = await t.db.select({ registrationId: outbox.registrationId }).from(outbox);
    expect(new Set(mails.map((m) => m.registrationId)).size).toBe(mails.length);
    expect(mails.length).toBe(300);
  });

  it('registrations for a session already full when they arrive get the next waitlist places, in order, without gaps or repeats', async () => {
    // These read the waitlist tail in the same round trip as the lock (the session was full when
    // their choices were loaded); the first wave read it after the lock.
    const seated = await addSeatedSession(t.db, {
      eventSlug: EVENT,
      venueSlug: 'full-hall',
      sessionSlug: 'full-from-the-start',
      capacity: 5,
    });
    const batches = spreadOver();
    const register = (tag: string, n: number) =>
      Promise.all(
        Array.from({ length: n }, (_, i) =>
          registerAttendee(t.db, EVENT, seatedRegistration(seated, i, tag), { now, batches: batches(i) }),
        ),
      );
    await register('first-wave', 8);
    const second = await register('second-wave', 120);
    expect(second.every((r) => r.ok)).toBe(true);
    const seats = await seatsOf(t.db, seated.sessionId);
    expect(seats.confirmed).toHaveLength(5);
    expect(seats.waitlisted.map((s) => s.waitlistPosition)).toEqual(Array.from({ length: 123 }, (_, i) => i + 1));
    const answered = second.flatMap((r) => (r.ok ? r.registration.sessions.map((s) => s.position) : [])).sort((a, b) => a! - b!);
    expect(answered).toEqual(Array.from({ length: 120 }, (_, i) => i + 4));
  });

  it('never lets more people in person into a venue than it holds, and promotes the first in line when one cancels', async () => {
    const seoul = await venueBySlug(t.db, 'seoul');
    await t.db.update(venues).set({ capacity: 5 }).where(eq(venues.id, seoul.id));
    const batches = spreadOver();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        registerAttendee(t.db, EVENT, person(`seoul${i}`, { venue: 'seoul' }), { now, batches: batches(i) }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const confirmed = await t.db.select().from(registrations).where(eq(registrations.venueId, seoul.id));
    expect(confirmed.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    const waiting = (await waitlistedAt(t.db, seoul.id)).sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    expect(waiting.map((w) => w.waitlistPosition)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    const [after] = await t.db.select().from(venues).where(eq(venues.id, seoul.id));
    expect(after!.confirmedCount).toBe(5);

    const leaving = confirmed.find((r) => r.status === 'confirmed')!;
    await cancelRegistration(t.db, leaving.id);
    const [promoted] = await t.db.select().from(registrations).where(eq(registrations.id, waiting[0]!.id));
    expect(promoted!.status).toBe('confirmed');
    const rest = (await waitlistedAt(t.db, seoul.id)).sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    expect(rest.map((w) => [w.id, w.waitlistPosition])).toEqual(waiting.slice(1).map((w, i) => [w.id, i + 1]));
    const promotedMail = await t.db.select().from(outbox).where(eq(outbox.registrationId, waiting[0]!.id));
    expect(promotedMail.map((m) => m.kind).sort()).toEqual(['registration.promoted', 'registration.waitlisted']);
  });

  it('cancelling a confirmed seat promotes the first in the session waitlist and moves everyone up', async () => {
    const workshop = await sessionBySlug(t.db, 'young-scientists-workshop');
    const before = await seatsOf(t.db, workshop);
    const [first, second] = before.waitlisted;
    await cancelRegistration(t.db, before.confirmed[0]!.registrationId);
    const after = await seatsOf(t.db, workshop);
    expect(after.confirmed).toHaveLength(30);
    expect(after.counter).toBe(30);
    expect(after.confirmed.map((s) => s.registrationId)).toContain(first!.registrationId);
    expect(after.waitlisted[0]!.registrationId).toBe(second!.registrationId);
    expect(after.waitlisted.map((s) => s.waitlistPosition)).toEqual(Array.from({ length: 269 }, (_, i) => i + 1));
    // Cancelling someone on the waitlist closes the gap behind them.
    await cancelRegistration(t.db, after.waitlisted[9]!.registrationId);
    const gapless = await seatsOf(t.db, workshop);
    expect(gapless.waitlisted.map((s) => s.waitlistPosition)).toEqual(Array.from({ length: 268 }, (_, i) => i + 1));
  });
});

/**
 * Four races forced at once (helpers/seat-race.ts: every transaction reads the seats, then waits for
 * the others before writing): one free seat in a session, a full session, one free place at a venue
 * whose session has seats, and a full venue whose session has seats (issue 13.6: those waiting for
 * the venue must wait for the session too). Each registration is its own transaction.
 */
async function forcedRaces(read: SeatLock, tag: string) {
  const crowd = 8;
  const tally = (list: string[]) => Object.fromEntries([...new Set(list)].sort().map((o) => [o, list.filter((x) => x === o).length]));
  const race = async (seated: SeatedSession) => {
    const gate = seatGate(read, crowd);
    const settled = await Promise.allSettled(
      Array.from({ length: crowd }, (_, i) =>
        registerAttendee(t.db, EVENT, seatedRegistration(seated, i, seated.venueSlug), {
          now,
          batches: new RegistrationBatches(t.db, gate.lock),
        }),
      ),
    );
    const seats = await seatsOf(t.db, seated.sessionId);
    const venueLine = (await waitlistedAt(t.db, seated.venueId)).map((r) => r.waitlistPosition!).sort((a, b) => a - b);
    return {
      outcomes: tally(outcomes(settled)),
      mostAtOnce: gate.mostAtOnce(),
      sessionSeats: seats.counter,
      sessionLine: seats.waitlisted.map((s) => s.waitlistPosition!),
      venueLine,
    };
  };
  const hall = (name: string, seats: number) =>
    addSeatedSession(t.db, { eventSlug: EVENT, venueSlug: `${tag}-${name}`, sessionSlug: `${tag}-${name}`, capacity: seats });
  const venuePlaces = (seated: SeatedSession, places: number) =>
    t.db.update(venues).set({ capacity: places }).where(eq(venues.id, seated.venueId));
  const holder = (seated: SeatedSession, sessions: string[]) =>
    registerAttendee(t.db, EVENT, { ...seatedRegistration(seated, 'holder', seated.venueSlug), sessions }, { now });

  const oneSeat = await hall('one-seat', 1);
  const fullSession = await hall('full-session', 1);
  await holder(fullSession, [fullSession.sessionId]);
  const onePlace = await hall('one-place', 3);
  await venuePlaces(onePlace, 1);
  const fullVenue = await hall('full-venue', 3);
  await venuePlaces(fullVenue, 1);
  await holder(fullVenue, []);
  return {
    oneSeat: await race(oneSeat),
    fullSession: await race(fullSession),
    onePlace: await race(onePlace),
    fullVenue: await race(fullVenue),
  };
}

const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe(`the seat lock, with the race forced (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('with the lock, eight transactions reading at once get one seat or place each, or the next place in line', async () => {
    const results = await forcedRaces(lockSeats, 'locked');
    expect(results).toEqual({
      oneSeat: { outcomes: { ok: 8 }, mostAtOnce: 1, sessionSeats: 1, sessionLine: upTo(7), venueLine: [] },
      fullSession: { outcomes: { ok: 8 }, mostAtOnce: 1, sessionSeats: 1, sessionLine: upTo(8), venueLine: [] },
      // One admitted with the seat; the other seven wait for the venue and, behind it, for the session.
      onePlace: { outcomes: { ok: 8 }, mostAtOnce: 1, sessionSeats: 1, sessionLine: upTo(7), venueLine: upTo(7) },
      fullVenue: { outcomes: { ok: 8 }, mostAtOnce: 1, sessionSeats: 0, sessionLine: upTo(8), venueLine: upTo(8) },
    });
    expect(await seatInvariantBreaches(t.db, (await venueBySlug(t.db, 'nanning')).eventId)).toEqual([]);
  });

  it.runIf(usingPostgres)('without the lock the same races oversell and repeat waitlist places (negative control)', async () => {
    const results = await forcedRaces(readSeatsWithoutLocking, 'unlocked');
    // All eight read the same free seat or place: the first to write takes it, and the database's
    // CHECK (confirmed_count <= capacity) refuses the other seven oversells; all eight read the same
    // waitlist tail, so all eight are given place 1.
    expect(results).toEqual({
      oneSeat: { outcomes: { ok: 1, sessions_confirmed_ck: 7 }, mostAtOnce: 8, sessionSeats: 1, sessionLine: [], venueLine: [] },
      fullSession: { outcomes: { ok: 8 }, mostAtOnce: 8, sessionSeats: 1, sessionLine: Array(8).fill(1), venueLine: [] },
      onePlace: { outcomes: { ok: 1, venues_confirmed_ck: 7 }, mostAtOnce: 8, sessionSeats: 1, sessionLine: [], venueLine: [] },
      fullVenue: { outcomes: { ok: 8 }, mostAtOnce: 8, sessionSeats: 0, sessionLine: Array(8).fill(1), venueLine: Array(8).fill(1) },
    });
    expect(await seatInvariantBreaches(t.db, (await venueBySlug(t.db, 'nanning')).eventId)).toEqual([
      'session unlocked-full-session: waitlist places 1,1,1,1,1,1,1,1',
      'session unlocked-full-venue: waitlist places 1,1,1,1,1,1,1,1',
      'venue unlocked-full-venue: waitlist places 1,1,1,1,1,1,1,1',
    ]);
  });

  // What PGlite can prove, and what it cannot. PGlite is one connection in this process: the driver
  // runs one transaction at a time, so two transactions never overlap and the seat lock is never
  // contended there; no PGlite test can show that the lock keeps concurrent transactions apart (the
  // PostgreSQL runs above do). What it does prove: that serialisation, which is what keeps an
  // embedded deployment exact even without the lock (at most one transaction past the seat read at
  // once), and the seat arithmetic across separate transactions and batches (counts, waitlist tails,
  // venue and session lines), which is the same code PostgreSQL runs.
  it.runIf(!usingPostgres)(
    'PGlite: even the unlocked read is exact, because its one connection never runs two transactions at once',
    async () => {
      const results = await forcedRaces(readSeatsWithoutLocking, 'embedded');
      expect(results).toEqual({
        oneSeat: { outcomes: { ok: 8 }, mostAtOnce: 1, sessionSeats: 1, sessionLine: upTo(7), venueLine: [] },
        fullSession: { outcomes: { ok: 8 }, mostAtOnce: 1, sessionSeats: 1, sessionLine: upTo(8), venueLine: [] },
        onePlace: { outcomes: { ok: 8 }, mostAtOnce: 1, sessionSeats: 1, sessionLine: upTo(7), venueLine: upTo(7) },
        fullVenue: { outcomes: { ok: 8 }, mostAtOnce: 1, sessionSeats: 0, sessionLine: upTo(8), venueLine: upTo(8) },
      });
      expect(await seatInvariantBreaches(t.db, (await venueBySlug(t.db, 'nanning')).eventId)).toEqual([]);
    },
  );
});

describe('one registration per email', () => {
  it('20 parallel submissions of one email create one registration; the rest get 409', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        registerAttendee(
          t.db,
          EVENT,
          person('same', { email: i % 2 ? 'Same.Person@Example.org' : 'same.person@example.org', mode: 'online', venue: null }),
          { now },
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === 'conflict')).toHaveLength(19);
    const stored = await t.db.select().from(registrations).where(eq(registrations.email, 'same.person@example.org'));
    expect(stored).toHaveLength(1);
    const conflict = results.find((r) => !r.ok && r.code === 'conflict')!;
    expect(JSON.stringify(conflict)).not.toContain(stored[0]!.id);
  });
});
