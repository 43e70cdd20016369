// The seat ledger (lib/registration/seats.ts, new-registration-seats.ts) function by function: what each
// claim, release and promotion writes, read back from the database. Small and fast on purpose: it is
// the test set of the fast mutation run (`npm run test:mutation:fast`), so every branch of these
// files has a test here that fails when the branch is changed.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, registrations, registrationSessions, sessions, venues } from '@/db/schema';
import { planSeats, recordSeatsAndMails } from '@/lib/registration/new-registration-seats';
import {
  claimSessionSeat,
  claimVenueSeat,
  fillFreeSeats,
  hasFreeSeat,
  lockSeats,
  promoteFirstAtVenue,
  promoteFirstInSession,
  readSeatsWithoutLocking,
  recordSessionChoice,
  releaseSessionSeat,
  releaseVenueSeat,
  sessionWaitlistTail,
  venueWaitlistTail,
  waitlistTailOf,
  type LockedSession,
  type LockedVenue,
} from '@/lib/registration/seats';
import { seatLockWaitSeconds } from '@/lib/observability/metrics';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { rows } from '../helpers/registration';

let t: TestDatabase;
let eventId: string;
let counter = 0;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 4 });
  const [event] = await t.db
    .insert(events)
    .values({
      slug: 'ledger',
      name: { en: 'Ledger' },
      theme: { en: 'Seats' },
      startsAt: new Date('2026-12-24T01:00:00Z'),
      endsAt: new Date('2026-12-25T10:00:00Z'),
      timeZone: 'Asia/Shanghai',
    })
    .returning({ id: events.id });
  eventId = event!.id;
});
afterAll(() => t?.close());

async function venue(capacity: number | null): Promise<string> {
  const [row] = await t.db
    .insert(venues)
    .values({
      eventId,
      slug: `v${++counter}`,
      name: { en: 'Hall' },
      city: { en: 'Nanning' },
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      kind: 'branch',
      capacity,
    })
    .returning({ id: venues.id });
  return row!.id;
}

async function session(venueId: string, capacity: number | null): Promise<string> {
  const startsAt = new Date('2026-12-24T02:00:00Z');
  const [row] = await t.db
    .insert(sessions)
    .values({
      eventId,
      slug: `s${++counter}`,
      title: { en: 'Talk' },
      kind: 'workshop',
      segment: 'main',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      venueId,
      capacity,
    })
    .returning({ id: sessions.id });
  return row!.id;
}

/** A registration row at a venue, as a status the test chooses (its seats are written by the test). */
async function person(
  venueId: string | null,
  status: 'confirmed' | 'waitlisted' | 'cancelled' | 'checked_in' = 'confirmed',
  waitlistPosition: number | null = null,
): Promise<string> {
  const [row] = await t.db
    .insert(registrations)
    .values({
      eventId,
      email: `p${++counter}@example.org`,
      name: `Person ${counter}`,
      country: 'CN',
      participantType: 'enterprise',
      mode: venueId ? 'in_person' : 'online',
      venueId,
      status,
      waitlistPosition,
      consentAt: new Date(),
      manageTokenHash: `hash-${counter}-${Math.random()}`,
    })
    .returning({ id: registrations.id });
  return row!.id;
}

const sessionCount = async (id: string) =>
  (await t.db.select({ n: sessions.confirmedCount }).from(sessions).where(eq(sessions.id, id)))[0]!.n;
const venueCount = async (id: string) => (await t.db.select({ n: venues.confirmedCount }).from(venues).where(eq(venues.id, id)))[0]!.n;
const setSessionCount = (id: string, n: number) => t.db.update(sessions).set({ confirmedCount: n }).where(eq(sessions.id, id));
const setVenueCount = (id: string, n: number) => t.db.update(venues).set({ confirmedCount: n }).where(eq(venues.id, id));

/** Every place in a session: registration id → 'confirmed' or 'waitlisted #n'. */
async function sessionPlaces(sessionId: string): Promise<Record<string, string>> {
  const places = await t.db.select().from(registrationSessions).where(eq(registrationSessions.sessionId, sessionId));
  return Object.fromEntries(
    places.map((p) => [p.registrationId, p.status === 'waitlisted' ? `waitlisted #${p.waitlistPosition}` : p.status]),
  );
}

/** Every registration at a venue: id → status, with the waitlist place. */
async function venuePlaces(venueId: string): Promise<Record<string, string>> {
  const regs = await t.db.select().from(registrations).where(eq(registrations.venueId, venueId));
  return Object.fromEntries(regs.map((r) => [r.id, r.status === 'waitlisted' ? `waitlisted #${r.waitlistPosition}` : r.status]));
}

const lockedSession = async (sessionId: string): Promise<LockedSession> =>
  (await lockSeats(t.db, { venueIds: [], sessionIds: [sessionId] })).sessions.get(sessionId)!;
const lockedVenue = async (venueId: string): Promise<LockedVenue> =>
  (await lockSeats(t.db, { venueIds: [venueId], sessionIds: [] })).venues.get(venueId)!;

describe(`seat ledger (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('hasFreeSeat: no limit is always free; a limit is free strictly below it', () => {
    expect(hasFreeSeat({ capacity: null, confirmedCount: 10_000 })).toBe(true);
    expect(hasFreeSeat({ capacity: 2, confirmedCount: 1 })).toBe(true);
    expect(hasFreeSeat({ capacity: 2, confirmedCount: 2 })).toBe(false);
    expect(hasFreeSeat({ capacity: 0, confirmedCount: 0 })).toBe(false);
  });

  it('lockSeats reads each venue and session once, with counts, venue ids, and the waitlist tails asked for', async () => {
    const v = await venue(5);
    const other = await venue(null);
    const s1 = await session(v, 3);
    const s2 = await session(v, null);
    await setVenueCount(v, 4);
    await setSessionCount(s1, 2);
    const waiting = await person(v, 'waitlisted', 1);
    await person(v, 'waitlisted', 2);
    await t.db.insert(registrationSessions).values({ registrationId: waiting, sessionId: s1, status: 'waitlisted', waitlistPosition: 7 });

    const locked = await lockSeats(t.db, {
      venueIds: [v, v, other],
      sessionIds: [s2, s1, s1],
      // A tail for a venue or session not locked here is not read.
      waitlistTails: { venueIds: [v, await venue(1)], sessionIds: [s1, s1] },
    });
    expect([...locked.venues.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: v, capacity: 5, confirmedCount: 4, waitlistTail: 2 },
        { id: other, capacity: null, confirmedCount: 0, waitlistTail: undefined },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(locked.sessions.get(s1)).toEqual({ id: s1, venueId: v, capacity: 3, confirmedCount: 2, waitlistTail: 7 });
    expect(locked.sessions.get(s2)).toEqual({ id: s2, venueId: v, capacity: null, confirmedCount: 0, waitlistTail: undefined });
    expect(locked.sessions.size).toBe(2);
    expect(locked.venues.size).toBe(2);

    const onlySessions = await readSeatsWithoutLocking(t.db, {
      venueIds: [],
      sessionIds: [s1],
      waitlistTails: { venueIds: [], sessionIds: [s1] },
    });
    expect(onlySessions.venues.size).toBe(0);
    expect(onlySessions.sessions.get(s1)).toEqual({ id: s1, venueId: v, capacity: 3, confirmedCount: 2, waitlistTail: 7 });
    const onlyVenues = await lockSeats(t.db, { venueIds: [v], sessionIds: [], waitlistTails: { venueIds: [v], sessionIds: [] } });
    expect(onlyVenues.sessions.size).toBe(0);
    expect(onlyVenues.venues.get(v)).toEqual({ id: v, capacity: 5, confirmedCount: 4, waitlistTail: 2 });
    // Several tails at once: each goes to its own venue or session.
    const s3 = await session(v, 1);
    await t.db.insert(registrationSessions).values({ registrationId: waiting, sessionId: s3, status: 'waitlisted', waitlistPosition: 5 });
    const manyTails = await lockSeats(t.db, {
      venueIds: [v],
      sessionIds: [s1, s3, s2],
      waitlistTails: { venueIds: [v], sessionIds: [s1, s3, s2] },
    });
    expect([manyTails.venues.get(v)!.waitlistTail, ...[s1, s3, s2].map((id) => manyTails.sessions.get(id)!.waitlistTail)]).toEqual([
      2, 7, 5, 0,
    ]);
    const nothing = await lockSeats(t.db, { venueIds: [], sessionIds: [] });
    expect(nothing.venues.size + nothing.sessions.size).toBe(0);
  });

  it('lockSeats records in seconds how long it waited for its locks (hf_seat_lock_wait_seconds); a read without locks records nothing', async () => {
    const observed = async () => {
      const { values } = await seatLockWaitSeconds.get();
      const value = (suffix: string) => values.find((v) => v.metricName === `hf_seat_lock_wait_seconds_${suffix}`)?.value ?? 0;
      return { count: value('count'), sum: value('sum') };
    };
    const v = await venue(2);
    const before = await observed();
    await lockSeats(t.db, { venueIds: [v], sessionIds: [] });
    const afterLock = await observed();
    expect(afterLock.count - before.count).toBe(1);
    // An uncontended lock is a round trip: well under a second, and not nothing.
    expect(afterLock.sum - before.sum).toBeGreaterThan(0);
    expect(afterLock.sum - before.sum).toBeLessThan(1);
    await readSeatsWithoutLocking(t.db, { venueIds: [v], sessionIds: [] });
    expect((await observed()).count).toBe(afterLock.count);
  });

  it('lockSeats with sessionsAtVenueIds also reads every session at those venues, besides the ones asked for by id, and no other', async () => {
    const v = await venue(3);
    const elsewhere = await venue(null);
    const atVenue = await session(v, 2);
    const alsoAtVenue = await session(v, null);
    const askedFor = await session(elsewhere, 4);
    const notAsked = await session(elsewhere, 1);
    await setSessionCount(atVenue, 1);

    const locked = await lockSeats(t.db, { venueIds: [v], sessionIds: [askedFor], sessionsAtVenueIds: [v, v] });
    expect([...locked.sessions.keys()].sort()).toEqual([atVenue, alsoAtVenue, askedFor].sort());
    expect(locked.sessions.get(atVenue)).toEqual({ id: atVenue, venueId: v, capacity: 2, confirmedCount: 1, waitlistTail: undefined });
    expect(locked.sessions.has(notAsked)).toBe(false);
    // A venue's sessions alone, with no session asked for by id and no venue row.
    const venueSessionsOnly = await lockSeats(t.db, { venueIds: [], sessionIds: [], sessionsAtVenueIds: [v] });
    expect([...venueSessionsOnly.sessions.keys()].sort()).toEqual([atVenue, alsoAtVenue].sort());
    expect(venueSessionsOnly.venues.size).toBe(0);
  });

  it('waitlist tails count waitlisted places only, 0 when nobody waits', async () => {
    const v = await venue(1);
    const s = await session(v, 1);
    expect(waitlistTailOf(await venueWaitlistTail(t.db, v))).toBe(0);
    expect(waitlistTailOf(await sessionWaitlistTail(t.db, s))).toBe(0);
    const a = await person(v, 'waitlisted', 3);
    await person(v, 'confirmed');
    await t.db.insert(registrationSessions).values([
      { registrationId: a, sessionId: s, status: 'waitlisted', waitlistPosition: 4 },
      { registrationId: await person(v), sessionId: s, status: 'confirmed' },
    ]);
    expect(waitlistTailOf(await venueWaitlistTail(t.db, v))).toBe(3);
    expect(waitlistTailOf(await sessionWaitlistTail(t.db, s))).toBe(4);
    expect(waitlistTailOf([])).toBe(0);
  });

  it.skipIf(!usingPostgres)('lockSeats makes a second transaction wait until the first ends; the unlocked read does not wait', async () => {
    const v = await venue(3);
    const s = await session(v, 3);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const first = t.db.transaction(async (tx) => {
      await lockSeats(tx, { venueIds: [v], sessionIds: [s] });
      locked();
      await held;
    });
    await isLocked;
    const order: string[] = [];
    const unlockedRead = t.db.transaction(async (tx) => {
      await readSeatsWithoutLocking(tx, { venueIds: [v], sessionIds: [s] });
      order.push('unlocked read');
    });
    const sessionWaiter = t.db.transaction(async (tx) => {
      await lockSeats(tx, { venueIds: [], sessionIds: [s] });
      order.push('session lock');
    });
    const venueWaiter = t.db.transaction(async (tx) => {
      await lockSeats(tx, { venueIds: [v], sessionIds: [] });
      order.push('venue lock');
    });
    await unlockedRead;
    await new Promise((resolve) => setTimeout(resolve, 300));
    order.push('first ends');
    release();
    await Promise.all([first, sessionWaiter, venueWaiter]);
    expect(order.slice(0, 2)).toEqual(['unlocked read', 'first ends']);
    expect(order.slice(2).sort()).toEqual(['session lock', 'venue lock']);
  });

  it('claimSessionSeat takes a free seat (count up by one), else the next waitlist place', async () => {
    const v = await venue(null);
    const s = await session(v, 2);
    await setSessionCount(s, 1);
    const locked = await lockedSession(s);
    const [a, b, c] = [await person(v), await person(v), await person(v)];
    expect(await claimSessionSeat(t.db, a, locked, true)).toEqual({ status: 'confirmed' });
    expect(locked.confirmedCount).toBe(2);
    expect(await sessionCount(s)).toBe(2);
    expect(await claimSessionSeat(t.db, b, locked, true)).toEqual({ status: 'waitlisted', position: 1 });
    expect(await claimSessionSeat(t.db, c, locked, true)).toEqual({ status: 'waitlisted', position: 2 });
    expect(await sessionCount(s)).toBe(2);
    expect(await sessionPlaces(s)).toEqual({ [a]: 'confirmed', [b]: 'waitlisted #1', [c]: 'waitlisted #2' });
  });

  it('recordSessionChoice confirms the choice without taking a seat', async () => {
    const v = await venue(null);
    const s = await session(v, 1);
    await setSessionCount(s, 1);
    const a = await person(null);
    expect(await recordSessionChoice(t.db, a, s)).toEqual({ status: 'confirmed' });
    expect(await sessionCount(s)).toBe(1);
    expect(await sessionPlaces(s)).toEqual({ [a]: 'confirmed' });
  });

  /** A full session of `capacity` seats with `waiting` people in line behind `holders`. */
  async function fullSession(capacity: number, waiting: number) {
    const v = await venue(null);
    const s = await session(v, capacity);
    const holders = await Promise.all(Array.from({ length: capacity }, () => person(v)));
    const line = [];
    for (let i = 0; i < waiting; i++) line.push(await person(v));
    const locked = await lockedSession(s);
    for (const id of [...holders, ...line]) await claimSessionSeat(t.db, id, locked, true);
    return { v, s, holders, line };
  }

  it('releaseSessionSeat of a seat counts it free; fillFreeSeats gives it to the first in line, the rest move up one', async () => {
    const { s, holders, line } = await fullSession(2, 3);
    const locked = await lockedSession(s);
    await releaseSessionSeat(t.db, holders[0]!, locked);
    expect(locked.confirmedCount).toBe(1);
    expect(await sessionCount(s)).toBe(1);
    expect(await fillFreeSeats(t.db, locked)).toEqual([line[0]]);
    expect(locked.confirmedCount).toBe(2);
    expect(await sessionCount(s)).toBe(2);
    expect(await sessionPlaces(s)).toEqual({
      [holders[1]!]: 'confirmed',
      [line[0]!]: 'confirmed',
      [line[1]!]: 'waitlisted #1',
      [line[2]!]: 'waitlisted #2',
    });
  });

  it('releaseSessionSeat of a seat nobody waits for: count down, nobody promoted', async () => {
    const { s, holders } = await fullSession(2, 0);
    const locked = await lockedSession(s);
    await releaseSessionSeat(t.db, holders[0]!, locked);
    expect(await fillFreeSeats(t.db, locked)).toEqual([]);
    expect(locked.confirmedCount).toBe(1);
    expect(await sessionCount(s)).toBe(1);
    expect(await sessionPlaces(s)).toEqual({ [holders[1]!]: 'confirmed' });
  });

  it('releaseSessionSeat of a waitlist place: those behind move up, those ahead keep theirs, nobody promoted', async () => {
    const { s, holders, line } = await fullSession(1, 4);
    const locked = await lockedSession(s);
    await releaseSessionSeat(t.db, line[1]!, locked);
    expect(await fillFreeSeats(t.db, locked)).toEqual([]);
    expect(await sessionCount(s)).toBe(1);
    expect(await sessionPlaces(s)).toEqual({
      [holders[0]!]: 'confirmed',
      [line[0]!]: 'waitlisted #1',
      [line[2]!]: 'waitlisted #2',
      [line[3]!]: 'waitlisted #3',
    });
  });

  it('releaseSessionSeat of a place not held changes nothing', async () => {
    const { s, holders, line } = await fullSession(1, 1);
    const locked = await lockedSession(s);
    await releaseSessionSeat(t.db, await person(null), locked);
    expect(await fillFreeSeats(t.db, locked)).toEqual([]);
    expect(await sessionCount(s)).toBe(1);
    expect(await sessionPlaces(s)).toEqual({ [holders[0]!]: 'confirmed', [line[0]!]: 'waitlisted #1' });
  });

  it('promoteFirstInSession promotes only while a seat is free, and only someone waiting', async () => {
    const { s, holders, line } = await fullSession(1, 2);
    const full = await lockedSession(s);
    expect(await promoteFirstInSession(t.db, full)).toBeNull();
    expect(await sessionPlaces(s)).toEqual({ [holders[0]!]: 'confirmed', [line[0]!]: 'waitlisted #1', [line[1]!]: 'waitlisted #2' });
    // The capacity raised by one: the first in line moves in.
    await t.db.update(sessions).set({ capacity: 2 }).where(eq(sessions.id, s));
    const raised = await lockedSession(s);
    expect(await promoteFirstInSession(t.db, raised)).toBe(line[0]);
    expect(raised.confirmedCount).toBe(2);
    expect(await sessionCount(s)).toBe(2);
    expect(await sessionPlaces(s)).toEqual({ [holders[0]!]: 'confirmed', [line[0]!]: 'confirmed', [line[1]!]: 'waitlisted #1' });
    // No limit any more and one left waiting: promoted too; then nobody waits.
    await t.db.update(sessions).set({ capacity: null }).where(eq(sessions.id, s));
    const unlimited = await lockedSession(s);
    expect(await promoteFirstInSession(t.db, unlimited)).toBe(line[1]);
    expect(await promoteFirstInSession(t.db, unlimited)).toBeNull();
    expect(await sessionCount(s)).toBe(3);
  });

  it('claimVenueSeat confirms while the venue has room (count up), then waitlists in order', async () => {
    const v = await venue(1);
    const locked = await lockedVenue(v);
    const [a, b, c] = [await person(v, 'waitlisted', 90), await person(v, 'confirmed'), await person(v, 'confirmed')];
    expect(await claimVenueSeat(t.db, a, locked)).toEqual({ status: 'confirmed' });
    expect(locked.confirmedCount).toBe(1);
    expect(await venueCount(v)).toBe(1);
    expect(await claimVenueSeat(t.db, b, locked)).toEqual({ status: 'waitlisted', position: 1 });
    expect(await claimVenueSeat(t.db, c, locked)).toEqual({ status: 'waitlisted', position: 2 });
    expect(await venueCount(v)).toBe(1);
    expect(await venuePlaces(v)).toEqual({ [a]: 'confirmed', [b]: 'waitlisted #1', [c]: 'waitlisted #2' });
  });

  /** A full venue of `capacity` with `waiting` people in line. */
  async function fullVenue(capacity: number, waiting: number) {
    const v = await venue(capacity);
    const locked = await lockedVenue(v);
    const holders = [];
    for (let i = 0; i < capacity; i++) holders.push(await person(v));
    const line = [];
    for (let i = 0; i < waiting; i++) line.push(await person(v));
    for (const id of [...holders, ...line]) await claimVenueSeat(t.db, id, locked);
    return { v, holders, line };
  }

  const registrationRow = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!;

  it('releaseVenueSeat of a confirmed or checked-in place: count down, first in line promoted, the rest move up', async () => {
    const { v, holders, line } = await fullVenue(2, 3);
    const locked = await lockedVenue(v);
    expect(await releaseVenueSeat(t.db, await registrationRow(holders[0]!), locked)).toBe(line[0]);
    await t.db.update(registrations).set({ status: 'cancelled' }).where(eq(registrations.id, holders[0]!));
    expect(locked.confirmedCount).toBe(2);
    expect(await venueCount(v)).toBe(2);
    expect(await venuePlaces(v)).toEqual({
      [holders[0]!]: 'cancelled',
      [holders[1]!]: 'confirmed',
      [line[0]!]: 'confirmed',
      [line[1]!]: 'waitlisted #1',
      [line[2]!]: 'waitlisted #2',
    });

    await t.db.update(registrations).set({ status: 'checked_in' }).where(eq(registrations.id, holders[1]!));
    expect(await releaseVenueSeat(t.db, await registrationRow(holders[1]!), locked)).toBe(line[1]);
    expect(await venueCount(v)).toBe(2);
  });

  it('releaseVenueSeat of a waitlist place: those behind move up, nobody promoted, count unchanged', async () => {
    const { v, holders, line } = await fullVenue(1, 3);
    const locked = await lockedVenue(v);
    expect(await releaseVenueSeat(t.db, await registrationRow(line[0]!), locked)).toBeNull();
    await t.db.update(registrations).set({ status: 'cancelled', waitlistPosition: null }).where(eq(registrations.id, line[0]!));
    expect(await venueCount(v)).toBe(1);
    expect(await venuePlaces(v)).toEqual({
      [holders[0]!]: 'confirmed',
      [line[0]!]: 'cancelled',
      [line[1]!]: 'waitlisted #1',
      [line[2]!]: 'waitlisted #2',
    });
  });

  it('releaseVenueSeat of a cancelled registration frees nothing', async () => {
    const { v, holders, line } = await fullVenue(1, 1);
    const gone = await person(v, 'cancelled');
    const locked = await lockedVenue(v);
    expect(await releaseVenueSeat(t.db, await registrationRow(gone), locked)).toBeNull();
    expect(locked.confirmedCount).toBe(1);
    expect(await venueCount(v)).toBe(1);
    expect(await venuePlaces(v)).toEqual({ [holders[0]!]: 'confirmed', [line[0]!]: 'waitlisted #1', [gone]: 'cancelled' });
  });

  it('promoteFirstAtVenue promotes only while there is room, and only someone waiting', async () => {
    const { v, holders, line } = await fullVenue(1, 2);
    expect(await promoteFirstAtVenue(t.db, await lockedVenue(v))).toBeNull();
    await t.db.update(venues).set({ capacity: 2 }).where(eq(venues.id, v));
    const raised = await lockedVenue(v);
    expect(await promoteFirstAtVenue(t.db, raised)).toBe(line[0]);
    expect(raised.confirmedCount).toBe(2);
    expect(await venuePlaces(v)).toEqual({ [holders[0]!]: 'confirmed', [line[0]!]: 'confirmed', [line[1]!]: 'waitlisted #1' });
    await t.db.update(venues).set({ capacity: null }).where(eq(venues.id, v));
    const unlimited = await lockedVenue(v);
    expect(await promoteFirstAtVenue(t.db, unlimited)).toBe(line[1]);
    expect(await promoteFirstAtVenue(t.db, unlimited)).toBeNull();
    expect(await venueCount(v)).toBe(3);
  });

  it('planSeats gives free seats first, then waitlist places after the tails (read when the lock did not bring them)', async () => {
    const v = await venue(1);
    const full = await session(v, 1);
    const free = await session(v, 5);
    const relayed = await session(v, 1);
    await setVenueCount(v, 1);
    await setSessionCount(full, 1);
    await setSessionCount(relayed, 1);
    const waiting = await person(v, 'waitlisted', 4);
    await t.db.insert(registrationSessions).values({ registrationId: waiting, sessionId: full, status: 'waitlisted', waitlistPosition: 6 });
    const seatBySession = new Map([
      [full, true],
      [free, true],
      [relayed, false],
    ]);
    const locked = await lockSeats(t.db, { venueIds: [v], sessionIds: [full, free] });
    const plan = await planSeats(t.db, locked, { venueId: v, seatBySession });
    expect(plan.venue).toEqual({ id: v, status: 'waitlisted', position: 5 });
    // Waitlisted for the venue, so in line even for the session with free seats (issue 13.6).
    expect(plan.seatedSessionIds).toEqual([]);
    const bySession = Object.fromEntries(plan.sessions.map((p) => [p.sessionId, p]));
    expect(bySession).toEqual({
      [full]: { sessionId: full, status: 'waitlisted', position: 7 },
      [free]: { sessionId: free, status: 'waitlisted', position: 1 },
      [relayed]: { sessionId: relayed, status: 'confirmed', position: null },
    });
    expect(plan.sessions.map((p) => p.sessionId)).toEqual([full, free, relayed].sort());
    // The locked rows move on: a second plan in the same lock comes after the first.
    const second = await planSeats(t.db, locked, {
      venueId: v,
      seatBySession: new Map([
        [full, true],
        [free, true],
      ]),
    });
    expect(second.venue).toEqual({ id: v, status: 'waitlisted', position: 6 });
    expect(second.sessions.find((p) => p.sessionId === full)).toEqual({ sessionId: full, status: 'waitlisted', position: 8 });
    expect(second.sessions.find((p) => p.sessionId === free)).toEqual({ sessionId: free, status: 'waitlisted', position: 2 });
    expect(locked.sessions.get(free)!.confirmedCount).toBe(0);
    // A venue with room, tails brought by the lock, and online (no venue).
    const roomy = await venue(3);
    const tailed = await session(roomy, 0);
    const withTails = await lockSeats(t.db, {
      venueIds: [roomy],
      sessionIds: [tailed],
      waitlistTails: { venueIds: [roomy], sessionIds: [tailed] },
    });
    withTails.sessions.get(tailed)!.waitlistTail = 10;
    const third = await planSeats(t.db, withTails, { venueId: roomy, seatBySession: new Map([[tailed, true]]) });
    expect(third).toEqual({
      venue: { id: roomy, status: 'confirmed' },
      sessions: [{ sessionId: tailed, status: 'waitlisted', position: 11 }],
      seatedSessionIds: [],
    });
    expect(withTails.venues.get(roomy)!.confirmedCount).toBe(1);
    const online = await planSeats(t.db, withTails, { venueId: null, seatBySession: new Map() });
    expect(online).toEqual({ venue: null, sessions: [], seatedSessionIds: [] });
  });

  it('recordSeatsAndMails writes every planned place and count in one statement, several seats per row counted', async () => {
    const v = await venue(10);
    const w = await venue(1);
    const s = await session(v, 10);
    const full = await session(v, 0);
    const [a, b, c] = [await person(v), await person(v), await person(w)];
    await recordSeatsAndMails(
      t.db,
      [
        {
          registrationId: a,
          plan: {
            venue: { id: v, status: 'confirmed' },
            sessions: [
              { sessionId: s, status: 'confirmed', position: null },
              { sessionId: full, status: 'waitlisted', position: 1 },
            ],
            seatedSessionIds: [s],
          },
        },
        {
          registrationId: b,
          plan: {
            venue: { id: v, status: 'confirmed' },
            sessions: [{ sessionId: s, status: 'confirmed', position: null }],
            seatedSessionIds: [s],
          },
        },
        { registrationId: c, plan: { venue: { id: w, status: 'waitlisted', position: 3 }, sessions: [], seatedSessionIds: [] } },
      ],
      sql`select 1`,
    );
    expect(await venueCount(v)).toBe(2);
    expect(await venueCount(w)).toBe(0);
    expect(await sessionCount(s)).toBe(2);
    expect(await sessionCount(full)).toBe(0);
    expect(await sessionPlaces(s)).toEqual({ [a]: 'confirmed', [b]: 'confirmed' });
    expect(await sessionPlaces(full)).toEqual({ [a]: 'waitlisted #1' });
    expect(await venuePlaces(w)).toEqual({ [c]: 'waitlisted #3' });
    const [{ n }] = rows<{ n: number }>(
      await t.db.execute(sql`select count(*)::int as n from registration_sessions where registration_id in (${a}, ${b}, ${c})`),
    ) as [{ n: number }];
    expect(Number(n)).toBe(3);
  });
});
