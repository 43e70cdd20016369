import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/types';
import type { SessionSeat } from './result';
import { hasFreeSeat, sessionWaitlistTail, venueWaitlistTail, waitlistTailOf, type LockedSeats, type LockedSession } from './seats';

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
 * place. A session seat goes only to someone admitted at the venue: waitlisted for the venue, they
 * take the next place in each session's line instead, and their seats when the venue admits them.
 * The locks usually came with the waitlist tails needed (asked for where the venue or session was
 * already full when the choices were loaded); one that filled up since is read here, still under the
 * lock. Counts and tails in `locked` move on with each place given.
 */
export async function planSeats(
  tx: Db,
  locked: LockedSeats,
  wanted: { venueId: string | null; seatBySession: Map<string, boolean> },
): Promise<SeatPlan> {
  const venue = wanted.venueId ? locked.venues.get(wanted.venueId)! : null;
  if (venue && !hasFreeSeat(venue) && venue.waitlistTail === undefined)
    venue.waitlistTail = waitlistTailOf(await venueWaitlistTail(tx, venue.id));

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
  const admitted = venuePlace?.status !== 'waitlisted';
  const takesSeat = (session: LockedSession) => admitted && hasFreeSeat(session);
  const seatSessions = [...wanted.seatBySession].filter(([, seat]) => seat).map(([id]) => locked.sessions.get(id)!);
  const sessionsMissingTail = seatSessions.filter((s) => !takesSeat(s) && s.waitlistTail === undefined);
  if (sessionsMissingTail.length) {
    const tails = await Promise.all(sessionsMissingTail.map((s) => sessionWaitlistTail(tx, s.id)));
    sessionsMissingTail.forEach((s, i) => {
      s.waitlistTail = waitlistTailOf(tails[i]);
    });
  }

  const seats: SessionSeat[] = [];
  const seatedSessionIds: string[] = [];
  for (const sessionId of [...wanted.seatBySession.keys()].sort()) {
    const session = wanted.seatBySession.get(sessionId) ? locked.sessions.get(sessionId)! : null;
    if (!session) {
      seats.push({ sessionId, status: 'confirmed', position: null });
    } else if (takesSeat(session)) {
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

/** A registration inserted as confirmed, with the places planned for it. */
export type PlannedRegistration = { registrationId: string; plan: SeatPlan };

/**
 * Records the plans of registrations inserted as confirmed, together with the statement that queues
 * their mails, as one statement whatever their number: the venues' counts or the registrations'
 * waitlist places, the counts of the sessions where they took seats, their places in every chosen
 * session, the audit entries when given, then the mails. Raw SQL over arrays, like the locks: it
 * runs under the seat locks.
 */
export function recordSeatsAndMails(tx: Db, planned: PlannedRegistration[], mails: SQL, audits?: SQL) {
  const seatedVenueIds = planned.flatMap(({ plan }) => (plan.venue?.status === 'confirmed' ? [plan.venue.id] : []));
  const waitlisted = planned.flatMap(({ registrationId, plan }) =>
    plan.venue?.status === 'waitlisted' ? [{ registrationId, position: plan.venue.position }] : [],
  );
  const places = planned.flatMap(({ registrationId, plan }) => plan.sessions.map((seat) => ({ registrationId, ...seat })));
  const array = <T, V>(items: T[], pick: (item: T) => V) => sql.param(items.map(pick));
  // A session or venue can take several seats here: counted per row, since an UPDATE ... FROM
  // changes each row once.
  return tx.execute(sql`
    with venue_seats as (
           update venues v set confirmed_count = v.confirmed_count + taken.n
           from (select id, count(*)::int as n from unnest(${sql.param(seatedVenueIds)}::uuid[]) as seat(id) group by id) taken
           where v.id = taken.id),
         venue_waitlist as (
           update registrations r set status = 'waitlisted', waitlist_position = w.position
           from unnest(${array(waitlisted, (w) => w.registrationId)}::uuid[], ${array(waitlisted, (w) => w.position)}::int[]) as w(id, position)
           where r.id = w.id),
         session_seats as (
           update sessions x set confirmed_count = x.confirmed_count + taken.n
           from (select id, count(*)::int as n from unnest(${sql.param(planned.flatMap(({ plan }) => plan.seatedSessionIds))}::uuid[]) as seat(id) group by id) taken
           where x.id = taken.id),
         session_places as (
           insert into registration_sessions (registration_id, session_id, status, waitlist_position)
           select p.registration_id, p.session_id, p.status::seat_status, p.position
           from unnest(${array(places, (p) => p.registrationId)}::uuid[], ${array(places, (p) => p.sessionId)}::uuid[],
                       ${array(places, (p) => p.status)}::text[], ${array(places, (p) => p.position)}::int[]) as p(registration_id, session_id, status, position))
         ${audits ? sql`, audit_rows as (${audits})` : sql``}
    ${mails}`);
}
