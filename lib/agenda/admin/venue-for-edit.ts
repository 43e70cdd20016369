import { and, count, eq } from 'drizzle-orm';
import { venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { roomsOfVenues, sessionsUsingRooms } from './room-usage';
import { activeInPersonRegistrations, sessionsShownAtVenue } from './venue-sessions';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import type { VenueFormValues } from './venue-schema';

/** The form values that show a stored venue as it is. */
export function venueFormValues(venue: typeof venues.$inferSelect): VenueFormValues {
  return {
    slug: venue.slug,
    name: localizedFormValues(venue.name),
    city: localizedFormValues(venue.city),
    country: venue.country,
    timeZone: venue.timeZone,
    kind: venue.kind,
    capacity: venue.capacity === null ? '' : String(venue.capacity),
    address: venue.address,
    position: String(venue.position),
  };
}

/**
 * One venue of the event for its edit page, with its rooms and what uses them, or null when the
 * venue is not this event's.
 */
export async function venueForEdit(db: Db, actor: Actor | null, slug: string, venueId: string) {
  const event = await organiserEvent(db, actor, slug);
  const [venue] = await db
    .select()
    .from(venues)
    .where(and(eq(venues.id, venueId), eq(venues.eventId, event.id)));
  if (!venue) return { event, venue: null };
  const rooms = (await roomsOfVenues(db, [venue.id])).get(venue.id) ?? [];
  const usage = await sessionsUsingRooms(
    db,
    rooms.map((r) => r.id),
  );
  return {
    event,
    venue,
    values: venueFormValues(venue),
    rooms: rooms.map((room) => ({ ...room, sessions: usage.get(room.id) ?? [] })),
    sessionCount: await sessionsShownAtVenue(db, venue.id),
    inPersonRegistrations: await activeInPersonRegistrations(db, venue.id),
  };
}

/** What a new venue's form starts with: placed after the existing venues. */
export async function newVenueDefaults(
  db: Db,
  actor: Actor | null,
  slug: string,
): Promise<{ event: Awaited<ReturnType<typeof organiserEvent>>; values: VenueFormValues }> {
  const event = await organiserEvent(db, actor, slug);
  const [row] = await db.select({ n: count() }).from(venues).where(eq(venues.eventId, event.id));
  return {
    event,
    values: {
      slug: '',
      name: localizedFormValues(null),
      city: localizedFormValues(null),
      country: '',
      timeZone: event.timeZone,
      kind: 'branch',
      capacity: '',
      address: '',
      position: String(row?.n ?? 0),
    },
  };
}
