import { and, asc, eq, inArray } from 'drizzle-orm';
import { events, registrations, registrationSessions, rooms, sessionRelays, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';

export type ItineraryItem = {
  session: typeof sessions.$inferSelect;
  seat: { status: 'confirmed' | 'waitlisted'; waitlistPosition: number | null } | null;
  origin: typeof venues.$inferSelect;
  originRoom: typeof rooms.$inferSelect | null;
  /** How the registrant takes part: in the room, in a relay room at their venue, or online. */
  presence: { kind: 'in-room' } | { kind: 'relay'; room: typeof rooms.$inferSelect | null } | { kind: 'online' };
  /** The zone the registrant lives the forum in: their venue's, or the session's own for online. */
  zone: string;
};

export type Itinerary = {
  registration: typeof registrations.$inferSelect;
  event: typeof events.$inferSelect;
  venue: typeof venues.$inferSelect | null;
  items: ItineraryItem[];
};

/** A registration with its sessions as the registrant experiences them; `sessionIds` adds sessions it no longer holds. */
export async function loadItinerary(db: Db, registrationId: string, extraSessionIds: string[] = []): Promise<Itinerary | null> {
  const [row] = await db
    .select({ registration: registrations, event: events, venue: venues })
    .from(registrations)
    .innerJoin(events, eq(registrations.eventId, events.id))
    .leftJoin(venues, eq(registrations.venueId, venues.id))
    .where(eq(registrations.id, registrationId));
  if (!row) return null;
  const held = await db
    .select({ sessionId: registrationSessions.sessionId, status: registrationSessions.status, waitlistPosition: registrationSessions.waitlistPosition })
    .from(registrationSessions)
    .where(eq(registrationSessions.registrationId, registrationId));
  const seatBySession = new Map(held.map((h) => [h.sessionId, { status: h.status, waitlistPosition: h.waitlistPosition }]));
  const ids = [...new Set([...seatBySession.keys(), ...extraSessionIds])];
  if (ids.length === 0) return { ...row, items: [] };

  const found = await db
    .select({ session: sessions, origin: venues, originRoom: rooms })
    .from(sessions)
    .innerJoin(venues, eq(sessions.venueId, venues.id))
    .leftJoin(rooms, eq(sessions.roomId, rooms.id))
    .where(and(inArray(sessions.id, ids), eq(sessions.eventId, row.event.id)))
    .orderBy(asc(sessions.startsAt));
  const relays = row.venue
    ? await db
        .select({ sessionId: sessionRelays.sessionId, room: rooms })
        .from(sessionRelays)
        .leftJoin(rooms, eq(sessionRelays.roomId, rooms.id))
        .where(and(inArray(sessionRelays.sessionId, ids), eq(sessionRelays.venueId, row.venue.id)))
    : [];
  const relayRoom = new Map(relays.map((r) => [r.sessionId, r.room]));

  const inPerson = row.registration.mode === 'in_person' && row.venue;
  const items = found.map(({ session, origin, originRoom }): ItineraryItem => {
    let presence: ItineraryItem['presence'] = { kind: 'online' };
    if (inPerson && origin.id === row.venue!.id) presence = { kind: 'in-room' };
    else if (inPerson && relayRoom.has(session.id)) presence = { kind: 'relay', room: relayRoom.get(session.id) ?? null };
    return {
      session,
      seat: seatBySession.get(session.id) ?? null,
      origin,
      originRoom,
      presence,
      zone: inPerson ? row.venue!.timeZone : origin.timeZone,
    };
  });
  return { ...row, items };
}
