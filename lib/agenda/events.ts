import { and, asc, eq } from 'drizzle-orm';
import { events, rooms, venues } from '@/db/schema';
import type { Db } from '@/db/types';

export type EventRow = typeof events.$inferSelect;
export type VenueRow = typeof venues.$inferSelect;
export type RoomRow = typeof rooms.$inferSelect;

/** The published event the site opens on: the next one to start, else the latest. */
export async function featuredEvent(db: Db): Promise<EventRow | undefined> {
  const published = await db.select().from(events).where(eq(events.status, 'published')).orderBy(asc(events.startsAt));
  const now = Date.now();
  return published.find((e) => e.endsAt.getTime() > now) ?? published.at(-1);
}

export async function publishedEventBySlug(db: Db, slug: string): Promise<EventRow | undefined> {
  const [event] = await db
    .select()
    .from(events)
    .where(and(eq(events.slug, slug), eq(events.status, 'published')));
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
