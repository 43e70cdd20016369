import { asc, eq, inArray } from 'drizzle-orm';
import { rooms, sessionRelays, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionRef } from '@/lib/admin/saved';

/**
 * The sessions that use each of the given rooms, held there or shown there as a relay. Cancelled
 * sessions count too: they still name the room and may be restored.
 */
export async function sessionsUsingRooms(db: Db, roomIds: string[]): Promise<Map<string, SessionRef[]>> {
  const usage = new Map<string, SessionRef[]>(roomIds.map((id) => [id, []]));
  if (roomIds.length === 0) return usage;
  const held = await db
    .select({ roomId: sessions.roomId, id: sessions.id, slug: sessions.slug, title: sessions.title })
    .from(sessions)
    .where(inArray(sessions.roomId, roomIds))
    .orderBy(asc(sessions.startsAt));
  const relayed = await db
    .select({ roomId: sessionRelays.roomId, id: sessions.id, slug: sessions.slug, title: sessions.title })
    .from(sessionRelays)
    .innerJoin(sessions, eq(sessionRelays.sessionId, sessions.id))
    .where(inArray(sessionRelays.roomId, roomIds))
    .orderBy(asc(sessions.startsAt));
  for (const { roomId, ...session } of [...held, ...relayed]) {
    const list = usage.get(roomId!)!;
    if (!list.some((s) => s.id === session.id)) list.push(session);
  }
  return usage;
}

/** The rooms of some venues, in name order, keyed by venue. */
export async function roomsOfVenues(db: Db, venueIds: string[]) {
  if (venueIds.length === 0) return new Map<string, (typeof rooms.$inferSelect)[]>();
  const rows = await db.select().from(rooms).where(inArray(rooms.venueId, venueIds)).orderBy(asc(rooms.venueId), asc(rooms.id));
  const byVenue = new Map<string, (typeof rooms.$inferSelect)[]>(venueIds.map((id) => [id, []]));
  for (const room of rows) byVenue.get(room.venueId)!.push(room);
  for (const list of byVenue.values()) list.sort((a, b) => a.name.en.localeCompare(b.name.en));
  return byVenue;
}
