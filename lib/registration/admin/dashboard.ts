import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { registrations, registrationSessions, sessions, venues, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { eventAccess, type AdminEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { addDays } from '@/lib/time/zones';

export type CountBy<K extends string = string> = { key: K; count: number }[];

export type SessionSeats = {
  id: string;
  title: LocalizedText;
  venueName: LocalizedText;
  venueZone: string;
  startsAt: Date;
  status: string;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  /** Everyone who chose it, including online viewers and relay audiences who take no seat. */
  chosen: number;
};

export type VenueSeats = {
  id: string;
  slug: string;
  name: LocalizedText;
  city: LocalizedText;
  kind: string;
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
};

export type RegistrationDashboard = {
  event: AdminEvent;
  byStatus: CountBy;
  /** Registrations created per calendar day in the event's time zone (YYYY-MM-DD), cancelled ones included. */
  perDay: CountBy;
  /** The rest count registrations that are not cancelled. */
  byVenue: CountBy;
  byMode: CountBy;
  byCountry: CountBy;
  byParticipantType: CountBy;
  venues: VenueSeats[];
  /** One page of the event's sessions in start order (a big forum has thousands). */
  sessions: SessionSeats[];
  sessionPage: { page: number; pages: number; total: number; first: number };
};

/** Sessions per page of the overview's seats table: a page renders fast however big the programme. */
export const SESSION_PAGE_SIZE = 50;

/** `?sessions=<page>` on the overview; anything else is the first page. */
export const dashboardPageSchema = z.object({
  sessions: z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.coerce.number().int().min(1).max(100_000).catch(1)),
});

const active = (eventId: string) => and(eq(registrations.eventId, eventId), ne(registrations.status, 'cancelled'));

/** Aggregates for an event's overview page; each one a single GROUP BY in the database. */
export async function registrationDashboard(
  db: Db,
  actor: Actor | null,
  slug: string,
  options: { sessionPage?: number } = {},
): Promise<RegistrationDashboard> {
  // Counts across every venue: for organisers and viewers; a venue manager reads their venue's lists instead.
  const { event } = await eventAccess(db, actor, slug, ['organiser', 'viewer']);
  // Grouped by position: the zone is a bound parameter, so a repeated expression would not match.
  const day = sql<string>`to_char(${registrations.createdAt} at time zone ${event.timeZone}, 'YYYY-MM-DD')`;
  const n = count();
  const [byStatus, perDay, byVenue, byMode, byCountry, byParticipantType, venueRows, venueWaits, [sessionCount]] = await Promise.all([
    db
      .select({ key: registrations.status, count: n })
      .from(registrations)
      .where(eq(registrations.eventId, event.id))
      .groupBy(registrations.status),
    db.select({ key: day, count: n }).from(registrations).where(eq(registrations.eventId, event.id)).groupBy(sql`1`).orderBy(sql`1`),
    db
      .select({ key: sql<string>`coalesce(${venues.slug}, 'online')`, count: n })
      .from(registrations)
      .leftJoin(venues, eq(registrations.venueId, venues.id))
      .where(active(event.id))
      .groupBy(venues.slug),
    db.select({ key: registrations.mode, count: n }).from(registrations).where(active(event.id)).groupBy(registrations.mode),
    db.select({ key: registrations.country, count: n }).from(registrations).where(active(event.id)).groupBy(registrations.country),
    db
      .select({ key: registrations.participantType, count: n })
      .from(registrations)
      .where(active(event.id))
      .groupBy(registrations.participantType),
    db
      .select({
        id: venues.id,
        slug: venues.slug,
        name: venues.name,
        city: venues.city,
        kind: venues.kind,
        capacity: venues.capacity,
        confirmed: venues.confirmedCount,
      })
      .from(venues)
      .where(eq(venues.eventId, event.id))
      .orderBy(asc(venues.position)),
    db
      .select({ venueId: registrations.venueId, count: n })
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'waitlisted')))
      .groupBy(registrations.venueId),
    db.select({ n: count() }).from(sessions).where(eq(sessions.eventId, event.id)),
  ]);
  const total = sessionCount?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / SESSION_PAGE_SIZE));
  const page = Math.min(Math.max(1, options.sessionPage ?? 1), pages);
  const sessionRows = await db
    .select({
      id: sessions.id,
      title: sessions.title,
      venueName: venues.name,
      venueZone: venues.timeZone,
      startsAt: sessions.startsAt,
      status: sessions.status,
      capacity: sessions.capacity,
      confirmed: sessions.confirmedCount,
    })
    .from(sessions)
    .innerJoin(venues, eq(sessions.venueId, venues.id))
    .where(eq(sessions.eventId, event.id))
    .orderBy(asc(sessions.startsAt), asc(sessions.slug), asc(sessions.id))
    .limit(SESSION_PAGE_SIZE)
    .offset((page - 1) * SESSION_PAGE_SIZE);
  // Seats counted for this page's sessions only, through the (session_id, status) index.
  const seatRows = sessionRows.length
    ? await db
        .select({
          sessionId: registrationSessions.sessionId,
          chosen: count(),
          waitlisted: sql<number>`count(*) filter (where ${registrationSessions.status} = 'waitlisted')`.mapWith(Number),
        })
        .from(registrationSessions)
        .where(
          inArray(
            registrationSessions.sessionId,
            sessionRows.map((s) => s.id),
          ),
        )
        .groupBy(registrationSessions.sessionId)
    : [];
  const waitsAt = new Map(venueWaits.map((w) => [w.venueId, w.count]));
  const seatsOf = new Map(seatRows.map((s) => [s.sessionId, s]));
  const byCount = (a: { count: number; key: string }, b: { count: number; key: string }) => b.count - a.count || a.key.localeCompare(b.key);
  return {
    event,
    byStatus,
    perDay,
    byVenue: byVenue.sort(byCount),
    byMode: byMode.sort(byCount),
    byCountry: byCountry.sort(byCount),
    byParticipantType: byParticipantType.sort(byCount),
    venues: venueRows.map((v) => ({ ...v, waitlisted: waitsAt.get(v.id) ?? 0 })),
    sessions: sessionRows.map((s) => ({ ...s, waitlisted: seatsOf.get(s.id)?.waitlisted ?? 0, chosen: seatsOf.get(s.id)?.chosen ?? 0 })),
    sessionPage: { page, pages, total, first: total === 0 ? 0 : (page - 1) * SESSION_PAGE_SIZE + 1 },
  };
}

/** Per-day counts with the days in between that had none, so a chart shows the gaps (at most a year). */
export function withEmptyDays(perDay: CountBy): CountBy {
  if (perDay.length === 0) return [];
  const counts = new Map(perDay.map((d) => [d.key, d.count]));
  const days: CountBy = [];
  const last = perDay[perDay.length - 1]!.key;
  for (let day = perDay[0]!.key; day <= last && days.length < 366; day = addDays(day, 1))
    days.push({ key: day, count: counts.get(day) ?? 0 });
  return days;
}
