import { sql, type SQL } from 'drizzle-orm';
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
 * Records a plan for a registration inserted as confirmed, together with the statement that queues
 * its mail, as one statement: the venue's count or the registration's waitlist place, the counts of
 * the sessions where it took a seat, its places in every chosen session, then the mail. Its text is
 * the same for every registration, so PostgreSQL parses it once per connection. Raw SQL, like the
 * locks: it runs under the seat locks on every registration.
 */
export function recordSeatsAndMail(tx: Db, registrationId: string, plan: SeatPlan, mail: SQL) {
  const seatedVenueId = plan.venue?.status === 'confirmed' ? plan.venue.id : null;
  const venuePosition = plan.venue?.status === 'waitlisted' ? plan.venue.position : null;
  const column = <T>(pick: (seat: SessionSeat) => T) => sql.param(plan.sessions.map(pick));
  return tx.execute(sql`
    with venue_seat as (
           update venues set confirmed_count = confirmed_count + 1 where id = ${seatedVenueId}::uuid),
         venue_waitlist as (
           update registrations set status = 'waitlisted', waitlist_position = ${venuePosition}::int
           where id = ${registrationId} and ${venuePosition}::int is not null),
         session_seats as (
           update sessions set confirmed_count = confirmed_count + 1 where id = any(${sql.param(plan.seatedSessionIds)}::uuid[])),
         session_places as (
           insert into registration_sessions (registration_id, session_id, status, waitlist_position)
           select ${registrationId}::uuid, s.id, s.status::seat_status, s.position
           from unnest(${column((s) => s.sessionId)}::uuid[], ${column((s) => s.status)}::text[], ${column((s) => s.position)}::int[]) as s(id, status, position))
    ${mail}`);
}
