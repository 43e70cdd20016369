import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { registrations, registrationSessions, sessions, venues } from '@/db/schema';
import { resultRows } from '@/db/rows';
import type { Db } from '@/db/types';
import { seatLockWaitSeconds } from '@/lib/observability/metrics';

export type LockedSession = {
  id: string;
  venueId: string;
  capacity: number | null;
  confirmedCount: number;
  /** The last waitlist place, when it was asked for with the lock (`waitlistTails`). */
  waitlistTail?: number;
};
export type LockedVenue = { id: string; capacity: number | null; confirmedCount: number; waitlistTail?: number };
export type LockedSeats = { sessions: Map<string, LockedSession>; venues: Map<string, LockedVenue> };

export type SeatLockRequest = {
  venueIds: string[];
  sessionIds: string[];
  /**
   * Venues whose sessions are all locked too: freeing a place at a venue admits the first in line
   * there, who then takes their seats in the sessions held at that venue (whichever they are).
   */
  sessionsAtVenueIds?: string[];
  /** Waitlists (of venues and sessions locked here) whose last place to read in the same round trip. */
  waitlistTails?: { venueIds: string[]; sessionIds: string[] };
};

/**
 * Takes the locks that make seat counting safe: the venue rows and session rows involved, in id order
 * so two transactions never wait on each other in a cycle. NO KEY UPDATE, because inserting a
 * registration already holds KEY SHARE on its venue row (the foreign key) and FOR UPDATE would
 * deadlock against another transaction holding the same. Called once per transaction, late, right
 * before availability is read again.
 */
export type SeatLock = (tx: Db, request: SeatLockRequest) => Promise<LockedSeats>;

export const lockSeats: SeatLock = (tx, request) => readSeats(tx, request, true);

/** The same reads without locks. Only for the negative-control test, which must then see oversell attempts. */
export const readSeatsWithoutLocking: SeatLock = (tx, request) => readSeats(tx, request, false);

/** Whether a locked (or recently read) venue or session still has a seat. */
export function hasFreeSeat(place: { capacity: number | null; confirmedCount: number }): boolean {
  return place.capacity === null || place.confirmedCount < place.capacity;
}

/**
 * The last waitlist place in a session (read it with waitlistTailOf; 0 when nobody waits). Read it
 * only while holding the session's lock. Raw SQL here and in readSeats: these run inside the seat
 * locks on every registration, and Drizzle's query builder costs 30–130 µs of CPU per statement.
 */
export function sessionWaitlistTail(tx: Db, sessionId: string) {
  return tx.execute(
    sql`select coalesce(max(waitlist_position), 0)::int as last from registration_sessions where session_id = ${sessionId} and status = 'waitlisted'`,
  );
}

/** The last waitlist place at a venue (read it with waitlistTailOf). Read it only while holding the venue's lock. */
export function venueWaitlistTail(tx: Db, venueId: string) {
  return tx.execute(
    sql`select coalesce(max(waitlist_position), 0)::int as last from registrations where venue_id = ${venueId} and status = 'waitlisted'`,
  );
}

export function waitlistTailOf(result: unknown): number {
  return resultRows<{ last: number }>(result)[0]?.last ?? 0;
}

type SeatRow = { kind: 'venue' | 'session'; id: string; venue_id: string | null; capacity: number | null; confirmed_count: number };

async function readSeats(tx: Db, request: SeatLockRequest, forUpdate: boolean): Promise<LockedSeats> {
  const venueIds = [...new Set(request.venueIds)].sort();
  const sessionIds = [...new Set(request.sessionIds)].sort();
  const sessionsAtVenueIds = [...new Set(request.sessionsAtVenueIds ?? [])].sort();
  const venueTails = [...new Set(request.waitlistTails?.venueIds ?? [])].filter((id) => venueIds.includes(id));
  const sessionTails = [...new Set(request.waitlistTails?.sessionIds ?? [])].filter((id) => sessionIds.includes(id));
  const locking = forUpdate ? sql` for no key update` : sql``;
  // Venue and session rows in one statement: PostgreSQL runs the parts of a UNION ALL in turn, and
  // each part locks its rows in id order, so venues are still locked before sessions.
  const venuePart = sql`select 'venue' as kind, id, null::uuid as venue_id, capacity, confirmed_count from (select id, capacity, confirmed_count from venues where id in ${venueIds} order by id${locking}) v`;
  const sessionRows = sessionsAtVenueIds.length
    ? sql`id = any(${sql.param(sessionIds)}::uuid[]) or venue_id = any(${sql.param(sessionsAtVenueIds)}::uuid[])`
    : sql`id in ${sessionIds}`;
  const sessionPart = sql`select 'session' as kind, id, venue_id, capacity, confirmed_count from (select id, venue_id, capacity, confirmed_count from sessions where ${sessionRows} order by id${locking}) s`;
  const parts = [...(venueIds.length ? [venuePart] : []), ...(sessionIds.length || sessionsAtVenueIds.length ? [sessionPart] : [])];
  // One round trip: these queries are not started until Promise.all starts them, in this order, so
  // they reach the connection in this order (postgres.js sends them in one write, PGlite runs them in
  // turn) and PostgreSQL runs them in turn. Each tail read takes its snapshot only after the locks
  // are held, so it sees every place given by whoever held them before.
  const waitStarted = performance.now();
  const [lockedRows, ...tails] = await Promise.all([
    parts.length ? tx.execute(sql.join(parts, sql` union all `)) : [],
    ...venueTails.map((id) => venueWaitlistTail(tx, id)),
    ...sessionTails.map((id) => sessionWaitlistTail(tx, id)),
  ]);
  if (forUpdate) seatLockWaitSeconds.observe((performance.now() - waitStarted) / 1000);
  const rows = resultRows<SeatRow>(lockedRows);
  const venueTail = new Map(venueTails.map((id, i) => [id, waitlistTailOf(tails[i])]));
  const sessionTail = new Map(sessionTails.map((id, i) => [id, waitlistTailOf(tails[venueTails.length + i])]));
  const lockedVenues = new Map<string, LockedVenue>();
  const lockedSessions = new Map<string, LockedSession>();
  for (const row of rows) {
    const seats = { id: row.id, capacity: row.capacity, confirmedCount: row.confirmed_count };
    if (row.kind === 'venue') lockedVenues.set(row.id, { ...seats, waitlistTail: venueTail.get(row.id) });
    else lockedSessions.set(row.id, { ...seats, venueId: row.venue_id!, waitlistTail: sessionTail.get(row.id) });
  }
  return { venues: lockedVenues, sessions: lockedSessions };
}

export type SeatOutcome = { status: 'confirmed' } | { status: 'waitlisted'; position: number };

/**
 * Claims an on-site seat in a session, or the next place in its waitlist. A seat goes only to someone
 * admitted at the session's venue (confirmed or checked in there): a registrant still waitlisted for
 * the venue waits in the session's line too, and takes the seat when the venue admits them.
 */
export async function claimSessionSeat(tx: Db, registrationId: string, session: LockedSession, admitted: boolean): Promise<SeatOutcome> {
  if (admitted && hasFreeSeat(session)) {
    await tx
      .update(sessions)
      .set({ confirmedCount: sql`${sessions.confirmedCount} + 1` })
      .where(eq(sessions.id, session.id));
    session.confirmedCount += 1;
    await tx.insert(registrationSessions).values({ registrationId, sessionId: session.id, status: 'confirmed' });
    return { status: 'confirmed' };
  }
  const position = waitlistTailOf(await sessionWaitlistTail(tx, session.id)) + 1;
  await tx.insert(registrationSessions).values({ registrationId, sessionId: session.id, status: 'waitlisted', waitlistPosition: position });
  return { status: 'waitlisted', position };
}

/** A session chosen without taking a seat there (online, or watched as a relay at another venue). */
export async function recordSessionChoice(tx: Db, registrationId: string, sessionId: string): Promise<SeatOutcome> {
  await tx.insert(registrationSessions).values({ registrationId, sessionId, status: 'confirmed' });
  return { status: 'confirmed' };
}

/**
 * Gives up a registrant's place in a session: a seat it held is counted free (fill it afterwards with
 * fillFreeSeats, once everyone this change admits can take it); everyone behind a removed waitlist
 * place moves up one.
 */
export async function releaseSessionSeat(tx: Db, registrationId: string, session: LockedSession): Promise<void> {
  const [removed] = await tx
    .delete(registrationSessions)
    .where(and(eq(registrationSessions.registrationId, registrationId), eq(registrationSessions.sessionId, session.id)))
    .returning({ status: registrationSessions.status, position: registrationSessions.waitlistPosition });
  if (!removed) return;
  if (removed.status === 'waitlisted') {
    await closeSessionWaitlistGap(tx, session.id, removed.position!);
    return;
  }
  await tx
    .update(sessions)
    .set({ confirmedCount: sql`${sessions.confirmedCount} - 1` })
    .where(eq(sessions.id, session.id));
  session.confirmedCount -= 1;
}

function closeSessionWaitlistGap(tx: Db, sessionId: string, position: number) {
  return tx
    .update(registrationSessions)
    .set({ waitlistPosition: sql`${registrationSessions.waitlistPosition} - 1` })
    .where(
      and(
        eq(registrationSessions.sessionId, sessionId),
        eq(registrationSessions.status, 'waitlisted'),
        sql`${registrationSessions.waitlistPosition} > ${position}`,
      ),
    );
}

/**
 * Gives a free seat to the first in the session's line who may take it: someone admitted at the
 * session's venue. People further up who are still waitlisted for the venue keep their places and
 * are passed over until the venue admits them. Returns the promoted registration, if any.
 */
export async function promoteFirstInSession(tx: Db, session: LockedSession): Promise<string | null> {
  if (!hasFreeSeat(session)) return null;
  const [first] = await tx
    .select({ registrationId: registrationSessions.registrationId, position: registrationSessions.waitlistPosition })
    .from(registrationSessions)
    .innerJoin(registrations, eq(registrations.id, registrationSessions.registrationId))
    .where(
      and(
        eq(registrationSessions.sessionId, session.id),
        eq(registrationSessions.status, 'waitlisted'),
        eq(registrations.mode, 'in_person'),
        eq(registrations.venueId, session.venueId),
        inArray(registrations.status, ADMITTED),
      ),
    )
    .orderBy(asc(registrationSessions.waitlistPosition))
    .limit(1);
  if (!first) return null;
  await tx
    .update(registrationSessions)
    .set({ status: 'confirmed', waitlistPosition: null })
    .where(and(eq(registrationSessions.sessionId, session.id), eq(registrationSessions.registrationId, first.registrationId)));
  await closeSessionWaitlistGap(tx, session.id, first.position!);
  await tx
    .update(sessions)
    .set({ confirmedCount: sql`${sessions.confirmedCount} + 1` })
    .where(eq(sessions.id, session.id));
  session.confirmedCount += 1;
  return first.registrationId;
}

/** Gives every free seat of a locked session to the first in line who may take it. Returns who got one. */
export async function fillFreeSeats(tx: Db, session: LockedSession): Promise<string[]> {
  const promoted: string[] = [];
  for (let next = await promoteFirstInSession(tx, session); next; next = await promoteFirstInSession(tx, session)) promoted.push(next);
  return promoted;
}

/** The registration statuses that hold a place at a venue, and so may hold seats in its sessions. */
export const ADMITTED: ('confirmed' | 'checked_in')[] = ['confirmed', 'checked_in'];

/** Claims an on-site place at a venue for an in-person registration, or the venue's next waitlist place. */
export async function claimVenueSeat(tx: Db, registrationId: string, venue: LockedVenue): Promise<SeatOutcome> {
  if (hasFreeSeat(venue)) {
    await tx
      .update(venues)
      .set({ confirmedCount: sql`${venues.confirmedCount} + 1` })
      .where(eq(venues.id, venue.id));
    venue.confirmedCount += 1;
    await tx.update(registrations).set({ status: 'confirmed', waitlistPosition: null }).where(eq(registrations.id, registrationId));
    return { status: 'confirmed' };
  }
  const position = waitlistTailOf(await venueWaitlistTail(tx, venue.id)) + 1;
  await tx.update(registrations).set({ status: 'waitlisted', waitlistPosition: position }).where(eq(registrations.id, registrationId));
  return { status: 'waitlisted', position };
}

/**
 * Gives up a registration's place at its venue (it must be leaving that venue). Returns who was
 * admitted in its place; their waitlisted seats in the venue's sessions are then theirs to take:
 * lock the venue's sessions with it (`sessionsAtVenueIds`) and fill them (fillFreeSeats).
 */
export async function releaseVenueSeat(
  tx: Db,
  registration: { id: string; status: string; waitlistPosition: number | null },
  venue: LockedVenue,
): Promise<string | null> {
  if (registration.status === 'waitlisted') {
    await tx
      .update(registrations)
      .set({ waitlistPosition: sql`${registrations.waitlistPosition} - 1` })
      .where(
        and(
          eq(registrations.venueId, venue.id),
          eq(registrations.status, 'waitlisted'),
          sql`${registrations.waitlistPosition} > ${registration.waitlistPosition}`,
        ),
      );
    return null;
  }
  if (registration.status !== 'confirmed' && registration.status !== 'checked_in') return null;
  await tx
    .update(venues)
    .set({ confirmedCount: sql`${venues.confirmedCount} - 1` })
    .where(eq(venues.id, venue.id));
  venue.confirmedCount -= 1;
  return promoteFirstAtVenue(tx, venue);
}

export async function promoteFirstAtVenue(tx: Db, venue: LockedVenue): Promise<string | null> {
  if (!hasFreeSeat(venue)) return null;
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
  await tx
    .update(venues)
    .set({ confirmedCount: sql`${venues.confirmedCount} + 1` })
    .where(eq(venues.id, venue.id));
  venue.confirmedCount += 1;
  return first.id;
}
