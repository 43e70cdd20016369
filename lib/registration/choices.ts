import { and, asc, eq, sql } from 'drizzle-orm';
import { preparedPerDb } from '@/db/prepared';
import { events, rooms, sessionRelays, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionPlace } from './itinerary';

type Venue = typeof venues.$inferSelect;
type Room = typeof rooms.$inferSelect;
type Choice = { mode: 'in_person' | 'online'; venue: string | null; sessions: string[] };

export type ChoiceContext = {
  venue: Venue | null;
  /** Session id → whether choosing it takes an on-site seat in that session. */
  seatBySession: Map<string, boolean>;
  /** The chosen sessions with where they are held, earliest first (what the confirmation mail lists). */
  places: SessionPlace[];
  /** Chosen sessions relayed to the chosen venue → the room showing them there. */
  relayRooms: Map<string, Room | null>;
};

export type ChoiceProblem = { field: 'venue' | 'sessions'; message: string };

/** What choices are checked against: the named venue, the chosen sessions and their relays. */
export type ChoiceCandidates = { venue: Venue | null; places: SessionPlace[]; relays: { sessionId: string; venueId: string; room: Room | null }[] };

// Built once per database handle (db/prepared.ts): registration runs these on every request.
const venueOfEvent = preparedPerDb((db) =>
  db
    .select({ venue: venues })
    .from(venues)
    .where(and(eq(venues.eventId, sql.placeholder('eventId')), eq(venues.slug, sql.placeholder('slug'))))
    .prepare('venue_of_event'),
);
const venueOfEventSlug = preparedPerDb((db) =>
  db
    .select({ venue: venues })
    .from(venues)
    .innerJoin(events, eq(venues.eventId, events.id))
    .where(and(eq(events.slug, sql.placeholder('eventSlug')), eq(venues.slug, sql.placeholder('slug'))))
    .prepare('venue_of_event_slug'),
);
const sessionPlaces = preparedPerDb((db) =>
  db
    .select({ session: sessions, origin: venues, originRoom: rooms })
    .from(sessions)
    .innerJoin(venues, eq(sessions.venueId, venues.id))
    .leftJoin(rooms, eq(sessions.roomId, rooms.id))
    .where(sql`${sessions.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .orderBy(asc(sessions.startsAt))
    .prepare('choice_session_places'),
);
const sessionRelayRooms = preparedPerDb((db) =>
  db
    .select({ sessionId: sessionRelays.sessionId, venueId: sessionRelays.venueId, room: rooms })
    .from(sessionRelays)
    .leftJoin(rooms, eq(sessionRelays.roomId, rooms.id))
    .where(sql`${sessionRelays.sessionId} = any(${sql.placeholder('ids')}::uuid[])`)
    .prepare('choice_session_relays'),
);

/** Loads the candidates in one round trip (the queries go out together); the event by id or by slug. */
export async function loadChoiceCandidates(db: Db, event: { id: string } | { slug: string }, input: Choice): Promise<ChoiceCandidates> {
  const slug = input.venue ?? '';
  const [venueRows, places, relays] = await Promise.all([
    input.mode !== 'in_person' ? [] : 'id' in event ? venueOfEvent(db).execute({ eventId: event.id, slug }) : venueOfEventSlug(db).execute({ eventSlug: event.slug, slug }),
    input.sessions.length ? sessionPlaces(db).execute({ ids: input.sessions }) : [],
    input.mode === 'in_person' && input.sessions.length ? sessionRelayRooms(db).execute({ ids: input.sessions }) : [],
  ]);
  return { venue: venueRows[0]?.venue ?? null, places, relays };
}

/**
 * Checks that the venue and sessions fit the attendance mode: in person, sessions held at or relayed
 * to the chosen venue; online, streamed sessions; never cancelled ones or another event's. Only a
 * session held at the attendee's own venue takes one of its seats: a relay audience is bounded by the
 * receiving venue's capacity instead.
 */
export function checkChoices(eventId: string, input: Choice, candidates: ChoiceCandidates): ChoiceContext | ChoiceProblem {
  let venue: Venue | null = null;
  if (input.mode === 'in_person') {
    const row = candidates.venue;
    if (!row || row.eventId !== eventId || row.kind === 'online') return { field: 'venue', message: 'must be one of this forum’s on-site venues' };
    venue = row;
  }
  const seatBySession = new Map<string, boolean>();
  const relayRooms = new Map(candidates.relays.filter((r) => venue && r.venueId === venue.id).map((r) => [r.sessionId, r.room]));
  const byId = new Map(candidates.places.map((p) => [p.session.id, p.session]));
  for (const id of input.sessions) {
    const session = byId.get(id);
    if (!session || session.eventId !== eventId) return { field: 'sessions', message: 'contains a session that is not part of this forum' };
    if (session.status === 'cancelled') return { field: 'sessions', message: 'contains a cancelled session' };
    if (venue) {
      if (session.venueId !== venue.id && !relayRooms.has(id)) {
        return { field: 'sessions', message: 'contains a session that is neither held at nor relayed to the chosen venue' };
      }
      seatBySession.set(id, session.venueId === venue.id);
    } else {
      if (!session.streamed) return { field: 'sessions', message: 'contains a session that is not streamed online' };
      seatBySession.set(id, false);
    }
  }
  const places = candidates.places.filter((p) => seatBySession.has(p.session.id));
  return { venue, seatBySession, places, relayRooms };
}

/** Loads and checks a registrant's choices for an event. */
export async function resolveChoices(db: Db, eventId: string, input: Choice): Promise<ChoiceContext | ChoiceProblem> {
  return checkChoices(eventId, input, await loadChoiceCandidates(db, { id: eventId }, input));
}
