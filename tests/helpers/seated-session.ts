// A venue without a venue-wide limit holding one session with a fixed number of seats: registering in
// person for it exercises exactly the session seat lock, confirmed up to capacity, waitlisted after.
import { eq, sql } from 'drizzle-orm';
import { events, sessions, venues } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import type { Db } from '@/db/types';
import { createAppDatabase, type AppDatabase, type Backend } from './app-process';
import { publishWorkingAgenda } from './publish-agenda';
import { rows } from './registration';

export type SeatedSession = { eventId: string; eventSlug: string; venueId: string; venueSlug: string; sessionId: string; capacity: number };

export async function addSeatedSession(
  db: Db,
  options: { eventSlug: string; venueSlug: string; sessionSlug: string; capacity: number },
): Promise<SeatedSession> {
  const [event] = await db.select({ id: events.id, startsAt: events.startsAt }).from(events).where(eq(events.slug, options.eventSlug));
  if (!event) throw new Error(`no event ${options.eventSlug}`);
  const [venue] = await db
    .insert(venues)
    .values({
      eventId: event.id,
      slug: options.venueSlug,
      name: { en: `Hall ${options.venueSlug}` },
      city: { en: 'Nanning' },
      country: 'CN',
      timeZone: 'Asia/Shanghai',
      kind: 'branch',
      capacity: null,
      position: 99,
    })
    .onConflictDoNothing()
    .returning({ id: venues.id });
  const venueId = venue?.id ?? (await db.select({ id: venues.id }).from(venues).where(eq(venues.slug, options.venueSlug)))[0]!.id;
  const startsAt = new Date(event.startsAt.getTime() + 10 * 3_600_000);
  const [session] = await db
    .insert(sessions)
    .values({
      eventId: event.id,
      slug: options.sessionSlug,
      title: { en: `Seated session ${options.sessionSlug}` },
      kind: 'workshop',
      segment: 'main',
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      venueId,
      capacity: options.capacity,
    })
    .returning({ id: sessions.id });
  await publishWorkingAgenda(db, event.id);
  return {
    eventId: event.id,
    eventSlug: options.eventSlug,
    venueId,
    venueSlug: options.venueSlug,
    sessionId: session!.id,
    capacity: options.capacity,
  };
}

/** A registration body for the API: in person at the seated session's venue, for that session. */
export function seatedRegistration(seated: SeatedSession, n: number | string, tag = 'load') {
  return {
    name: `Load ${tag} ${n}`,
    email: `${tag}-${n}@example.org`,
    organisation: 'Guangxi University',
    jobTitle: 'Researcher',
    country: 'CN',
    participantType: 'enterprise',
    mode: 'in_person',
    venue: seated.venueSlug,
    sessions: [seated.sessionId],
    locale: 'en',
    consent: true,
  };
}

export type SeatIntegrity = {
  registrations: number;
  confirmed: number;
  waitlistPositions: number[];
  /** Registrations of the event whose number of outbox mails is not exactly one. */
  registrationsWithoutExactlyOneMail: number;
  /** Seat rows (registration_sessions) whose registration does not exist. */
  seatsWithoutRegistration: number;
  /** Sessions and venues whose confirmed_count differs from the seats actually held. */
  countMismatches: string[];
};

/** What the database says about a seated session and everything registered for the event. */
export async function seatIntegrity(db: Db, seated: SeatedSession): Promise<SeatIntegrity> {
  const [summary] = rows<{ registrations: number; confirmed: number; without_one_mail: number; orphan_seats: number }>(
    await db.execute(sql`
      select
        (select count(*)::int from registrations where event_id = ${seated.eventId}) as registrations,
        (select count(*)::int from registration_sessions where session_id = ${seated.sessionId} and status = 'confirmed') as confirmed,
        (select count(*)::int from registrations r
           where r.event_id = ${seated.eventId}
             and (select count(*) from outbox o where o.registration_id = r.id) <> 1) as without_one_mail,
        (select count(*)::int from registration_sessions rs left join registrations r on r.id = rs.registration_id where r.id is null) as orphan_seats
    `),
  );
  const positions = rows<{ p: number }>(
    await db.execute(
      sql`select waitlist_position as p from registration_sessions where session_id = ${seated.sessionId} and status = 'waitlisted' order by waitlist_position`,
    ),
  ).map((r) => Number(r.p));
  const mismatches = rows<{ what: string }>(
    await db.execute(sql`
      select 'session ' || s.slug as what from sessions s
        where s.event_id = ${seated.eventId}
          and s.confirmed_count <> (select count(*) from registration_sessions rs join registrations r on r.id = rs.registration_id
                                    where rs.session_id = s.id and rs.status = 'confirmed' and r.venue_id = s.venue_id)
      union all
      select 'venue ' || v.slug from venues v
        where v.event_id = ${seated.eventId}
          and v.confirmed_count <> (select count(*) from registrations r where r.venue_id = v.id and r.status in ('confirmed', 'checked_in'))
    `),
  ).map((r) => r.what);
  return {
    registrations: Number(summary!.registrations),
    confirmed: Number(summary!.confirmed),
    waitlistPositions: positions,
    registrationsWithoutExactlyOneMail: Number(summary!.without_one_mail),
    seatsWithoutRegistration: Number(summary!.orphan_seats),
    countMismatches: mismatches,
  };
}

/**
 * A fresh database for a production-server test: the demo forum plus one seated session, written
 * and closed again so that the server can open it.
 */
export async function createSeatedAppDatabase(
  backend: Backend,
  options: { tag: string; venueSlug: string; sessionSlug: string; capacity: number },
): Promise<{ database: AppDatabase; seated: SeatedSession }> {
  const database = await createAppDatabase(backend, { tag: options.tag });
  const opened = await database.open();
  try {
    await seedDemoForum(opened.db);
    const seated = await addSeatedSession(opened.db, {
      eventSlug: 'china-asean-tech-forum',
      venueSlug: options.venueSlug,
      sessionSlug: options.sessionSlug,
      capacity: options.capacity,
    });
    return { database, seated };
  } finally {
    await opened.close();
  }
}
