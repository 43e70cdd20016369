import { asc, count, eq, inArray } from 'drizzle-orm';
import { sessionRelays, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { roomsOfVenues } from './room-usage';

/** An event's venues in their order, each with its rooms and how many sessions it shows. */
export async function listVenues(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const rows = await db.select().from(venues).where(eq(venues.eventId, event.id)).orderBy(asc(venues.position), asc(venues.slug));
  const ids = rows.map((v) => v.id);
  const roomsByVenue = await roomsOfVenues(db, ids);
  const shown = new Map<string, number>();
  if (ids.length > 0) {
    const held = await db
      .select({ venueId: sessions.venueId, n: count() })
      .from(sessions)
      .where(inArray(sessions.venueId, ids))
      .groupBy(sessions.venueId);
    const relayed = await db
      .select({ venueId: sessionRelays.venueId, n: count() })
      .from(sessionRelays)
      .where(inArray(sessionRelays.venueId, ids))
      .groupBy(sessionRelays.venueId);
    for (const { venueId, n } of [...held, ...relayed]) shown.set(venueId, (shown.get(venueId) ?? 0) + n);
  }
  return {
    event,
    venues: rows.map((venue) => ({ ...venue, rooms: roomsByVenue.get(venue.id) ?? [], sessionCount: shown.get(venue.id) ?? 0 })),
  };
}

export type VenueListEntry = Awaited<ReturnType<typeof listVenues>>['venues'][number];
