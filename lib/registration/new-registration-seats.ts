import { sql } from 'drizzle-orm';
import type { Db } from '@/db/types';
import type { SessionSeat } from './result';
import { hasFreeSeat, sessionWaitlistTail, venueWaitlistTail, waitlistTailOf, type LockedSeats } from './seats';

/** What a new registration gets, decided under the seat locks. */
export type SeatPlan = {
  venue: { id: string; status: 'confirmed' } | { id: string; status: 'waitlisted'; position: number } | null;
  /** Every chosen session, by id. */
  sessions: SessionSeat[];
  /** Sessions whose seat count grows (a seat taken, not a waitlist place or a relay/online choice). */
  seatedSessionIds: string[];
};

/**
 * Decides the new registration's places from the locked rows: a free seat, else the next waitlist
 * place. The locks usually came with the waitlist tails needed (asked for where the venue or session
 * was already full when the choices were loaded); one that filled up since is read here, still
 * under the lock. Counts and tails in `locked` move on with each place given.
 */
export async function planSeats(tx: Db, locked: LockedSeats, wanted: { venueId: string | null; seatBySession: Map<string, boolean> }): Promise<SeatPlan> {
  const venue = wanted.venueId ? locked.venues.get(wanted.venueId)! : null;
  const seatSessions = [...wanted.seatBySession].filter(([, seat]) => seat).map(([id]) => locked.sessions.get(id)!);
  const venueTailMissing = venue && !hasFreeSeat(venue) && venue.waitlistTail === undefined;
  const sessionsMissingTail = seatSessions.filter((s) => !hasFreeSeat(s) && s.waitlistTail === undefined);
  if (venueTailMissing || sessionsMissingTail.length) {
    const [venueTail, ...sessionTails] = await Promise.all([venueTailMissing ? venueWaitlistTail(tx, venue.id) : [], ...sessionsMissingTail.map((s) => sessionWaitlistTail(tx, s.id))]);
    if (venueTailMissing) venue.waitlistTail = waitlistTailOf(venueTail);
    sessionsMissingTail.forEach((s, i) => (s.waitlistTail = waitlistTailOf(sessionTails[i])));
  }

  let venuePlace: SeatPlan['venue'] = null;
  if (venue) {
    if (hasFreeSeat(venue)) {
      venue.confirmedCount += 1;
      venuePlace = { id: venue.id, status: 'confirmed' };
    } else {
      venue.waitlistTail = venue.waitlistTail! + 1;
      venuePlace = { id: venue.id, status: 'waitlisted', position: venue.waitlistTail };
    }
  }
  const seats: SessionSeat[] = [];
  const seatedSessionIds: string[] = [];
  for (const sessionId of [...wanted.seatBySession.keys()].sort()) {
    const session = wanted.seatBySession.get(sessionId) ? locked.sessions.get(sessionId)! : null;
    if (!session) {
      seats.push({ sessionId, status: 'confirmed', position: null });
    } else if (hasFreeSeat(session)) {
      session.confirmedCount += 1;
      seatedSessionIds.push(sessionId);
      seats.push({ sessionId, status: 'confirmed', position: null });
    } else {
      session.waitlistTail = session.waitlistTail! + 1;
      seats.push({ sessionId, status: 'waitlisted', position: session.waitlistTail });
    }
  }
  return { venue: venuePlace, sessions: seats, seatedSessionIds };
}

/**
 * The statements that record a plan for a registration inserted as confirmed. They do not depend on
 * each other: run them together (one round trip) with the rest of the transaction's writes. Raw SQL,
 * like the locks: they run under the seat locks on every registration (see seats.ts).
 */
export function recordSeats(tx: Db, registrationId: string, plan: SeatPlan): PromiseLike<unknown>[] {
  const statements: PromiseLike<unknown>[] = [];
  if (plan.venue?.status === 'confirmed') {
    statements.push(tx.execute(sql`update venues set confirmed_count = confirmed_count + 1 where id = ${plan.venue.id}`));
  } else if (plan.venue?.status === 'waitlisted') {
    statements.push(tx.execute(sql`update registrations set status = 'waitlisted', waitlist_position = ${plan.venue.position} where id = ${registrationId}`));
  }
  if (plan.seatedSessionIds.length) {
    statements.push(tx.execute(sql`update sessions set confirmed_count = confirmed_count + 1 where id in ${plan.seatedSessionIds}`));
  }
  if (plan.sessions.length) {
    const rows = plan.sessions.map((s) => sql`(${registrationId}, ${s.sessionId}, ${s.status}::seat_status, ${s.position}::int)`);
    statements.push(tx.execute(sql`insert into registration_sessions (registration_id, session_id, status, waitlist_position) values ${sql.join(rows, sql`, `)}`));
  }
  return statements;
}
