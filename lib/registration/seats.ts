import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { registrations, registrationSessions, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';

export type LockedSession = { id: string; venueId: string; capacity: number | null; confirmedCount: number };
export type LockedVenue = { id: string; capacity: number | null; confirmedCount: number };
export type LockedSeats = { sessions: Map<string, LockedSession>; venues: Map<string, LockedVenue> };

/**
 * Takes the locks that make seat counting safe: the venue rows and session rows involved, in id order
 * so two transactions never wait on each other in a cycle. NO KEY UPDATE, because inserting a
 * registration already holds KEY SHARE on its venue row (the foreign key) and FOR UPDATE would
 * deadlock against another transaction holding the same. Called once per transaction, late, right
 * before availability is read again.
 */
export type SeatLock = (tx: Db, ids: { venueIds: string[]; sessionIds: string[] }) => Promise<LockedSeats>;

export const lockSeats: SeatLock = (tx, ids) => readSeats(tx, ids, true);

/** The same reads without locks. Only for the negative-control test, which must then see oversell attempts. */
export const readSeatsWithoutLocking: SeatLock = (tx, ids) => readSeats(tx, ids, false);

async function readSeats(tx: Db, ids: { venueIds: string[]; sessionIds: string[] }, forUpdate: boolean): Promise<LockedSeats> {
  const venueIds = [...new Set(ids.venueIds)].sort();
  const sessionIds = [...new Set(ids.sessionIds)].sort();
  const venueQuery = tx
    .select({ id: venues.id, capacity: venues.capacity, confirmedCount: venues.confirmedCount })
    .from(venues)
    .where(inArray(venues.id, venueIds.length ? venueIds : ['00000000-0000-0000-0000-000000000000']))
    .orderBy(asc(venues.id));
  const venueRows = venueIds.length ? await (forUpdate ? venueQuery.for('no key update') : venueQuery) : [];
  const sessionQuery = tx
    .select({ id: sessions.id, venueId: sessions.venueId, capacity: sessions.capacity, confirmedCount: sessions.confirmedCount })
    .from(sessions)
    .where(inArray(sessions.id, sessionIds.length ? sessionIds : ['00000000-0000-0000-0000-000000000000']))
    .orderBy(asc(sessions.id));
  const sessionRows = sessionIds.length ? await (forUpdate ? sessionQuery.for('no key update') : sessionQuery) : [];
  return {
    venues: new Map(venueRows.map((v) => [v.id, v])),
    sessions: new Map(sessionRows.map((s) => [s.id, s])),
  };
}

export type SeatOutcome = { status: 'confirmed' } | { status: 'waitlisted'; position: number };

/** Claims an on-site seat in a session, or the next place in its waitlist. */
export async function claimSessionSeat(tx: Db, registrationId: string, session: LockedSession): Promise<SeatOutcome> {
  if (session.capacity === null || session.confirmedCount < session.capacity) {
    await tx.update(sessions).set({ confirmedCount: sql`${sessions.confirmedCount} + 1` }).where(eq(sessions.id, session.id));
    session.confirmedCount += 1;
    await tx.insert(registrationSessions).values({ registrationId, sessionId: session.id, status: 'confirmed' });
    return { status: 'confirmed' };
  }
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${registrationSessions.waitlistPosition}), 0)::int` })
    .from(registrationSessions)
    .where(and(eq(registrationSessions.sessionId, session.id), eq(registrationSessions.status, 'waitlisted')));
  const position = (row?.last ?? 0) + 1;
  await tx.insert(registrationSessions).values({ registrationId, sessionId: session.id, status: 'waitlisted', waitlistPosition: position });
  return { status: 'waitlisted', position };
}

/** A session chosen without taking a seat there (online, or watched as a relay at another venue). */
export async function recordSessionChoice(tx: Db, registrationId: string, sessionId: string): Promise<SeatOutcome> {
  await tx.insert(registrationSessions).values({ registrationId, sessionId, status: 'confirmed' });
  return { status: 'confirmed' };
}

/**
 * Gives up a registrant's place in a session. A freed seat goes to the first in line; everyone behind
 * a removed waitlist place moves up one. Returns the promoted registration, if any.
 */
export async function releaseSessionSeat(tx: Db, registrationId: string, session: LockedSession, consumesSeat: boolean): Promise<string | null> {
  const [removed] = await tx
    .delete(registrationSessions)
    .where(and(eq(registrationSessions.registrationId, registrationId), eq(registrationSessions.sessionId, session.id)))
    .returning({ status: registrationSessions.status, position: registrationSessions.waitlistPosition });
  if (!removed) return null;
  if (removed.status === 'waitlisted') {
    await tx
      .update(registrationSessions)
      .set({ waitlistPosition: sql`${registrationSessions.waitlistPosition} - 1` })
      .where(
        and(
          eq(registrationSessions.sessionId, session.id),
          eq(registrationSessions.status, 'waitlisted'),
          sql`${registrationSessions.waitlistPosition} > ${removed.position}`,
        ),
      );
    return null;
  }
  if (!consumesSeat) return null;
  await tx.update(sessions).set({ confirmedCount: sql`${sessions.confirmedCount} - 1` }).where(eq(sessions.id, session.id));
  session.confirmedCount -= 1;
  return promoteFirstInSession(tx, session);
}

export async function promoteFirstInSession(tx: Db, session: LockedSession): Promise<string | null> {
  if (session.capacity !== null && session.confirmedCount >= session.capacity) return null;
  const [first] = await tx
    .select({ registrationId: registrationSessions.registrationId })
    .from(registrationSessions)
    .where(and(eq(registrationSessions.sessionId, session.id), eq(registrationSessions.status, 'waitlisted')))
    .orderBy(asc(registrationSessions.waitlistPosition))
    .limit(1);
  if (!first) return null;
  await tx
    .update(registrationSessions)
    .set({ status: 'confirmed', waitlistPosition: null })
    .where(and(eq(registrationSessions.sessionId, session.id), eq(registrationSessions.registrationId, first.registrationId)));
  await tx
    .update(registrationSessions)
    .set({ waitlistPosition: sql`${registrationSessions.waitlistPosition} - 1` })
    .where(and(eq(registrationSessions.sessionId, session.id), eq(registrationSessions.status, 'waitlisted')));
  await tx.update(sessions).set({ confirmedCount: sql`${sessions.confirmedCount} + 1` }).where(eq(sessions.id, session.id));
  session.confirmedCount += 1;
  return first.registrationId;
}

/** Claims an on-site place at a venue for an in-person registration, or the venue's next waitlist place. */
export async function claimVenueSeat(tx: Db, registrationId: string, venue: LockedVenue): Promise<SeatOutcome> {
  if (venue.capacity === null || venue.confirmedCount < venue.capacity) {
    await tx.update(venues).set({ confirmedCount: sql`${venues.confirmedCount} + 1` }).where(eq(venues.id, venue.id));
    venue.confirmedCount += 1;
    await tx.update(registrations).set({ status: 'confirmed', waitlistPosition: null }).where(eq(registrations.id, registrationId));
    return { status: 'confirmed' };
  }
  const [row] = await tx
    .select({ last: sql<number>`coalesce(max(${registrations.waitlistPosition}), 0)::int` })
    .from(registrations)
    .where(and(eq(registrations.venueId, venue.id), eq(registrations.status, 'waitlisted')));
  const position = (row?.last ?? 0) + 1;
  await tx.update(registrations).set({ status: 'waitlisted', waitlistPosition: position }).where(eq(registrations.id, registrationId));
  return { status: 'waitlisted', position };
}

/** Gives up a registration's place at its venue (it must be leaving that venue). Returns who was promoted. */
export async function releaseVenueSeat(
  tx: Db,
  registration: { id: string; status: string; waitlistPosition: number | null },
  venue: LockedVenue,
): Promise<string | null> {
  if (registration.status === 'waitlisted') {
    await tx
      .update(registrations)
      .set({ waitlistPosition: sql`${registrations.waitlistPosition} - 1` })
      .where(and(eq(registrations.venueId, venue.id), eq(registrations.status, 'waitlisted'), sql`${registrations.waitlistPosition} > ${registration.waitlistPosition}`));
    return null;
  }
  if (registration.status !== 'confirmed' && registration.status !== 'checked_in') return null;
  await tx.update(venues).set({ confirmedCount: sql`${venues.confirmedCount} - 1` }).where(eq(venues.id, venue.id));
  venue.confirmedCount -= 1;
  return promoteFirstAtVenue(tx, venue);
}

export async function promoteFirstAtVenue(tx: Db, venue: LockedVenue): Promise<string | null> {
  if (venue.capacity !== null && venue.confirmedCount >= venue.capacity) return null;
  const [first] = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.venueId, venue.id), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.waitlistPosition))
    .limit(1);
  if (!first) return null;
  await tx.update(registrations).set({ status: 'confirmed', waitlistPosition: null }).where(eq(registrations.id, first.id));
  await tx
    .update(registrations)
    .set({ waitlistPosition: sql`${registrations.waitlistPosition} - 1` })
    .where(and(eq(registrations.venueId, venue.id), eq(registrations.status, 'waitlisted')));
  await tx.update(venues).set({ confirmedCount: sql`${venues.confirmedCount} + 1` }).where(eq(venues.id, venue.id));
  venue.confirmedCount += 1;
  return first.id;
}
