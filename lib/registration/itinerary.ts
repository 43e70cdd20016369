import { and, asc, eq, inArray } from 'drizzle-orm';
import { events, registrations, registrationSessions, rooms, sessionRelays, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';

type Room = typeof rooms.$inferSelect;
type Venue = typeof venues.$inferSelect;

export type ItineraryItem = {
  session: typeof sessions.$inferSelect;
  seat: { status: 'confirmed' | 'waitlisted'; waitlistPosition: number | null } | null;
  origin: Venue;
  originRoom: Room | null;
  /** How the registrant takes part: in the room, in a relay room at their venue, or online. */
  presence: { kind: 'in-room' } | { kind: 'relay'; room: Room | null; venue: Venue } | { kind: 'online' };
  /** The zone the registrant lives the forum in: their venue's, or the session's own for online. */
  zone: string;
};

export type Itinerary = {
  /** `mailTo`: where its mail goes when not to its own address (a delegation member's mail to the head). */
  registration: typeof registrations.$inferSelect & { mailTo?: string | null };
  event: typeof events.$inferSelect;
  venue: Venue | null;
  items: ItineraryItem[];
};

/** A session with where it is held. */
export type SessionPlace = Pick<ItineraryItem, 'session' | 'origin' | 'originRoom'>;

/** A registration with its sessions as the registrant experiences them; `sessionIds` adds sessions it no longer holds. */
export async function loadItinerary(db: Db, registrationId: string, extraSessionIds: string[] = []): Promise<Itinerary | null> {
  const [row] = await db
    .select({ registration: registrations, event: events, venue: venues })
    .from(registrations)
    .innerJoin(events, eq(registrations.eventId, events.id))
    .leftJoin(venues, eq(registrations.venueId, venues.id))
    .where(eq(registrations.id, registrationId));
  if (!row) return null;
  if (row.registration.mailToHead && row.registration.delegationId) {
    const [head] = await db
      .select({ email: registrations.email })
      .from(registrations)
      .where(and(eq(registrations.delegationId, row.registration.delegationId), eq(registrations.delegationHead, true)));
    if (head) row.registration = { ...row.registration, mailTo: head.email } as typeof row.registration;
  }
  const held = await db
    .select({
      sessionId: registrationSessions.sessionId,
      status: registrationSessions.status,
      waitlistPosition: registrationSessions.waitlistPosition,
    })
    .from(registrationSessions)
    .where(eq(registrationSessions.registrationId, registrationId));
  const seatBySession = new Map(held.map((h) => [h.sessionId, { status: h.status, waitlistPosition: h.waitlistPosition }]));
  const ids = [...new Set([...seatBySession.keys(), ...extraSessionIds])];
  if (ids.length === 0) return { ...row, items: [] };

  const [found, relays] = await Promise.all([
    loadSessionPlaces(db, ids, row.event.id),
    row.venue
      ? db
          .select({ sessionId: sessionRelays.sessionId, room: rooms })
          .from(sessionRelays)
          .leftJoin(rooms, eq(sessionRelays.roomId, rooms.id))
          .where(and(inArray(sessionRelays.sessionId, ids), eq(sessionRelays.venueId, row.venue.id)))
      : [],
  ]);
  const relayRooms = new Map(relays.map((r) => [r.sessionId, r.room]));
  return { ...row, items: itineraryItems(row.registration, row.venue, found, relayRooms, seatBySession) };
}

/** An event's sessions by id with their venue and room, earliest first. */
function loadSessionPlaces(db: Db, sessionIds: string[], eventId: string): Promise<SessionPlace[]> {
  return db
    .select({ session: sessions, origin: venues, originRoom: rooms })
    .from(sessions)
    .innerJoin(venues, eq(sessions.venueId, venues.id))
    .leftJoin(rooms, eq(sessions.roomId, rooms.id))
    .where(and(inArray(sessions.id, sessionIds), eq(sessions.eventId, eventId)))
    .orderBy(asc(sessions.startsAt));
}

/**
 * The itinerary's items from what was loaded: `places` earliest first, `relayRooms` the relays to the
 * registrant's venue (session id → room), `seats` the registration's places in those sessions.
 */
export function itineraryItems(
  registration: { mode: 'in_person' | 'online' },
  venue: Venue | null,
  places: SessionPlace[],
  relayRooms: Map<string, Room | null>,
  seats: Map<string, NonNullable<ItineraryItem['seat']>>,
): ItineraryItem[] {
  const inPerson = registration.mode === 'in_person' ? venue : null;
  return places.map(({ session, origin, originRoom }): ItineraryItem => {
    let presence: ItineraryItem['presence'] = { kind: 'online' };
    if (inPerson && origin.id === inPerson.id) presence = { kind: 'in-room' };
    else if (inPerson && relayRooms.has(session.id))
      presence = { kind: 'relay', room: relayRooms.get(session.id) ?? null, venue: inPerson };
    return {
      session,
      seat: seats.get(session.id) ?? null,
      origin,
      originRoom,
      presence,
      zone: inPerson ? inPerson.timeZone : origin.timeZone,
    };
  });
}
