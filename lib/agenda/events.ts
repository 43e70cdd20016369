import { and, asc, eq, inArray } from 'drizzle-orm';
import { events, rooms, venues } from '@/db/schema';
import type { Db } from '@/db/types';

export type EventRow = typeof events.$inferSelect;
export type VenueRow = typeof venues.$inferSelect;
export type RoomRow = typeof rooms.$inferSelect;

/** The events the public lists (home page, /api/v1/events): published ones, earliest first. Archived ones are not listed. */
export async function listedEvents(db: Db): Promise<EventRow[]> {
  return db.select().from(events).where(eq(events.status, 'published')).orderBy(asc(events.startsAt));
}

/** Listed events in the order the home page offers them: those still to come (soonest first), then past ones (latest first). */
export async function listedEventsUpcomingFirst(db: Db, now = new Date()): Promise<EventRow[]> {
  const listed = await listedEvents(db);
  const upcoming = listed.filter((e) => e.endsAt > now);
  const past = listed.filter((e) => e.endsAt <= now).reverse();
  return [...upcoming, ...past];
}

/** The published event the site opens on: the next one to start, else the latest. */
export async function featuredEvent(db: Db): Promise<EventRow | undefined> {
  const published = await listedEvents(db);
  const now = Date.now();
  return published.find((e) => e.endsAt.getTime() > now) ?? published.at(-1);
}

/** An event the public may read: published, or archived (still readable by its address, not listed). */
export async function publishedEventBySlug(db: Db, slug: string): Promise<EventRow | undefined> {
  const [event] = await db
    .select()
    .from(events)
    .where(and(eq(events.slug, slug), inArray(events.status, ['published', 'archived'])));
  return event;
}

export async function venuesOf(db: Db, eventId: string): Promise<VenueRow[]> {
  return db.select().from(venues).where(eq(venues.eventId, eventId)).orderBy(asc(venues.position), asc(venues.slug));
}

export async function roomsOf(db: Db, eventId: string): Promise<RoomRow[]> {
  const rows = await db
    .select({ room: rooms })
    .from(rooms)
    .innerJoin(venues, eq(rooms.venueId, venues.id))
    .where(eq(venues.eventId, eventId));
  return rows.map((r) => r.room);
}
