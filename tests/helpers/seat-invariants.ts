// The seat invariants of an event, read from the database at rest: each breach named, so a test can
// expect none, and a negative control can expect exactly the one its broken code causes.
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { rows } from './registration';

/**
 * Every seat invariant the event breaks, as sentences such as "session x: waitlist places 1,1,2"
 * (empty when it keeps them all):
 * - counts: a session's or venue's confirmed count is the seats actually held, never over capacity;
 * - admission: a session seat (confirmed, at the session's own venue) belongs only to someone admitted
 *   at that venue (confirmed or checked in); relay and online choices never wait in a session's line;
 * - order: a free seat never sits beside someone in line who may take it (a session seat beside an
 *   admitted waiter, a venue place beside anyone waiting there);
 * - places: each waitlist holds places 1..n exactly, no gap, no repeat.
 */
export async function seatInvariantBreaches(db: Db, eventId: string): Promise<string[]> {
  const breaches = rows<{ breach: string }>(
    await db.execute(sql`
      with seat as (
        select rs.*, r.status as registration_status, r.mode, r.venue_id as registration_venue_id, s.slug, s.venue_id as session_venue_id
        from registration_sessions rs join registrations r on r.id = rs.registration_id join sessions s on s.id = rs.session_id
        where s.event_id = ${eventId})
      select 'session ' || s.slug || ': confirmed_count ' || s.confirmed_count || ' but ' || held.n || ' seats held' as breach
        from sessions s cross join lateral (select count(*)::int as n from seat where seat.session_id = s.id and seat.status = 'confirmed'
                                              and seat.mode = 'in_person' and seat.registration_venue_id = s.venue_id) held
        where s.event_id = ${eventId} and s.confirmed_count <> held.n
      union all
      select 'session ' || slug || ': over capacity' from sessions where event_id = ${eventId} and capacity is not null and confirmed_count > capacity
      union all
      select 'venue ' || v.slug || ': confirmed_count ' || v.confirmed_count || ' but ' || held.n || ' admitted'
        from venues v cross join lateral (select count(*)::int as n from registrations r where r.venue_id = v.id and r.status in ('confirmed', 'checked_in')) held
        where v.event_id = ${eventId} and v.confirmed_count <> held.n
      union all
      select 'session ' || slug || ': seat held by a registration ' || registration_status || ' at the venue'
        from seat where status = 'confirmed' and mode = 'in_person' and registration_venue_id = session_venue_id
                    and registration_status not in ('confirmed', 'checked_in')
      union all
      select 'session ' || slug || ': a relay or online choice waits in line'
        from seat where status = 'waitlisted' and not (mode = 'in_person' and registration_venue_id = session_venue_id)
      union all
      select 'session ' || s.slug || ': a free seat while an admitted registrant waits'
        from sessions s
        where s.event_id = ${eventId} and (s.capacity is null or s.confirmed_count < s.capacity)
          and exists (select 1 from seat where seat.session_id = s.id and seat.status = 'waitlisted'
                        and seat.registration_venue_id = s.venue_id and seat.registration_status in ('confirmed', 'checked_in'))
      union all
      select 'venue ' || v.slug || ': a free place while someone waits'
        from venues v
        where v.event_id = ${eventId} and (v.capacity is null or v.confirmed_count < v.capacity)
          and exists (select 1 from registrations r where r.venue_id = v.id and r.status = 'waitlisted')
      union all
      select 'session ' || slug || ': waitlist places ' || string_agg(waitlist_position::text, ',' order by waitlist_position)
        from seat where status = 'waitlisted' group by session_id, slug
        having min(waitlist_position) <> 1 or max(waitlist_position) <> count(*) or count(distinct waitlist_position) <> count(*)
      union all
      select 'venue ' || v.slug || ': waitlist places ' || string_agg(r.waitlist_position::text, ',' order by r.waitlist_position)
        from registrations r join venues v on v.id = r.venue_id
        where r.event_id = ${eventId} and r.status = 'waitlisted' group by v.id, v.slug
        having min(r.waitlist_position) <> 1 or max(r.waitlist_position) <> count(*) or count(distinct r.waitlist_position) <> count(*)
    `),
  );
  return breaches.map((b) => b.breach).sort();
}
