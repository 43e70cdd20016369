import { eq, min, sql } from 'drizzle-orm';
import { sessionRelays, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { featuredEvent, publishedEventBySlug, venuesOf, type EventRow, type VenueRow } from './events';

export type EventOverview = { event: EventRow; venues: VenueRow[]; firstSessionAt: Map<string, Date> };

/** What the event's home page shows: the event, its venues, and when each venue's programme begins. */
export async function eventOverview(db: Db, slug?: string): Promise<EventOverview | undefined> {
  const event = slug ? await publishedEventBySlug(db, slug) : await featuredEvent(db);
  if (!event) return undefined;
  const venues = await venuesOf(db, event.id);
  const hosted = await db
    .select({ venueId: sessions.venueId, first: min(sessions.startsAt) })
    .from(sessions)
    .where(sql`${sessions.eventId} = ${event.id} AND ${sessions.status} <> 'cancelled'`)
    .groupBy(sessions.venueId);
  const relayed = await db
    .select({ venueId: sessionRelays.venueId, first: min(sessions.startsAt) })
    .from(sessionRelays)
    .innerJoin(sessions, eq(sessionRelays.sessionId, sessions.id))
    .where(sql`${sessions.eventId} = ${event.id} AND ${sessions.status} <> 'cancelled'`)
    .groupBy(sessionRelays.venueId);
  const firstSessionAt = new Map<string, Date>();
  for (const row of [...hosted, ...relayed]) {
    if (!row.first) continue;
    const first = new Date(row.first);
    const known = firstSessionAt.get(row.venueId);
    if (!known || first < known) firstSessionAt.set(row.venueId, first);
  }
  const main = venues.find((v) => v.kind === 'main');
  const online = venues.find((v) => v.kind === 'online');
  if (online && main && !firstSessionAt.has(online.id) && firstSessionAt.has(main.id)) {
    firstSessionAt.set(online.id, firstSessionAt.get(main.id)!);
  }
  return { event, venues, firstSessionAt };
}
