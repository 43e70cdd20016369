import { and, asc, eq, sql } from 'drizzle-orm';
import type { LocalizedText } from '@/db/schema';
import { locales } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { alias } from 'drizzle-orm/pg-core';
import { preparedPerDb } from '@/db/prepared';
import { events, rooms, sessionRelays, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import type { SessionPlace } from './itinerary';
import { publishedSessionStatuses } from './published-session-statuses';
import { vmsg } from '@/lib/validation/message';

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

/** A chosen session with where it is held and, when it is relayed to the chosen venue, the room there. */
export type CandidatePlace = SessionPlace & { relayedHere: boolean; relayRoom: Room | null };

/**
 * What choices are checked against: the named venue, the chosen sessions, and the sessions of the
 * published programme with their status there (null before anything is published).
 */
export type ChoiceCandidates = { venue: Venue | null; places: CandidatePlace[]; published: Map<string, string> | null };

// Built once per database handle (db/prepared.ts): registration runs these on every request.
const venueOfEvent = preparedPerDb((db) =>
  db
    .select({ venue: venues })
    .from(venues)
    .where(and(eq(venues.eventId, sql.placeholder('eventId')), eq(venues.slug, sql.placeholder('slug'))))
    .prepare('venue_of_event'),
);
const publishedVersionOf = preparedPerDb((db) =>
  db
    .select({ id: events.id, publishedVersion: events.publishedVersion })
    .from(events)
    .where(eq(events.id, sql.placeholder('eventId')))
    .prepare('event_published_version'),
);
const relay = alias(sessionRelays, 'relay');
const relayRoom = alias(rooms, 'relay_room');
const sessionCandidates = preparedPerDb((db) =>
  db
    .select({ session: sessions, origin: venues, originRoom: rooms, relayVenueId: relay.venueId, relayRoom })
    .from(sessions)
    .innerJoin(venues, eq(sessions.venueId, venues.id))
    .leftJoin(rooms, eq(sessions.roomId, rooms.id))
    .leftJoin(relay, and(eq(relay.sessionId, sessions.id), eq(relay.venueId, sql.placeholder('venueId'))))
    .leftJoin(relayRoom, eq(relay.roomId, relayRoom.id))
    .where(sql`${sessions.id} = any(${sql.placeholder('ids')}::uuid[])`)
    .orderBy(asc(sessions.startsAt))
    .prepare('choice_session_candidates'),
);

/** The chosen sessions (one statement), with their relays to `venueId` when given. */
export async function loadSessionCandidates(db: Db, sessionIds: string[], venueId: string | null): Promise<CandidatePlace[]> {
  if (sessionIds.length === 0) return [];
  const rows = await sessionCandidates(db).execute({ ids: sessionIds, venueId });
  return rows.map(({ relayVenueId, ...place }) => ({ ...place, relayedHere: relayVenueId !== null }));
}

/** Loads the candidates for an event's choices: the venue, then the sessions with their relays to it. */
export async function loadChoiceCandidates(db: Db, eventId: string, input: Choice): Promise<ChoiceCandidates> {
  const [[row], [event]] = await Promise.all([
    input.mode === 'in_person' ? venueOfEvent(db).execute({ eventId, slug: input.venue ?? '' }) : [],
    publishedVersionOf(db).execute({ eventId }),
  ]);
  const venue = row?.venue ?? null;
  const [places, published] = await Promise.all([
    loadSessionCandidates(db, input.sessions, venue?.id ?? null),
    event ? publishedSessionStatuses(db, event) : null,
  ]);
  return { venue, places, published };
}

/**
 * Checks that the venue and sessions fit the attendance mode: in person, sessions held at or relayed
 * to the chosen venue; online, streamed sessions; only sessions of the published programme, never
 * cancelled ones (there or since) or another event's. A session not published yet is answered as one
 * that does not exist, so its id tells nothing. Only a
 * session held at the attendee's own venue takes one of its seats: a relay audience is bounded by the
 * receiving venue's capacity instead.
 */
/**
 * The session's title for the message in each language: {session} in English, {sessionZh} in
 * Chinese, {sessionJa} in Japanese… (each along its fallback chain), as the validation messages of
 * each language name it.
 */
function sessionNames(title: LocalizedText): Record<string, string> {
  const names: Record<string, string> = { session: title.en };
  for (const locale of locales) if (locale !== 'en') names[`session${locale[0]!.toUpperCase()}${locale.slice(1)}`] = pick(title, locale);
  return names;
}

export function checkChoices(eventId: string, input: Choice, candidates: ChoiceCandidates): ChoiceContext | ChoiceProblem {
  let venue: Venue | null = null;
  if (input.mode === 'in_person') {
    const row = candidates.venue;
    if (!row || row.eventId !== eventId || row.kind === 'online') return { field: 'venue', message: vmsg('venueNotOnSite') };
    venue = row;
  }
  const seatBySession = new Map<string, boolean>();
  const relayRooms = new Map(candidates.places.filter((p) => venue && p.relayedHere).map((p) => [p.session.id, p.relayRoom]));
  const byId = new Map(candidates.places.map((p) => [p.session.id, p.session]));
  for (const id of input.sessions) {
    const session = byId.get(id);
    const publishedStatus = candidates.published ? candidates.published.get(id) : session?.status;
    if (!session || session.eventId !== eventId || !publishedStatus) return { field: 'sessions', message: vmsg('sessionUnknown') };
    if (session.status === 'cancelled' || publishedStatus === 'cancelled') return { field: 'sessions', message: vmsg('sessionCancelled') };
    if (venue) {
      if (session.venueId !== venue.id && !relayRooms.has(id)) {
        return { field: 'sessions', message: vmsg('sessionNotAtVenue', sessionNames(session.title)) };
      }
      seatBySession.set(id, session.venueId === venue.id);
    } else {
      if (!session.streamed) return { field: 'sessions', message: vmsg('sessionNotStreamed', sessionNames(session.title)) };
      seatBySession.set(id, false);
    }
  }
  const places = candidates.places
    .filter((p) => seatBySession.has(p.session.id))
    .map(({ session, origin, originRoom }) => ({ session, origin, originRoom }));
  return { venue, seatBySession, places, relayRooms };
}

/** Loads and checks a registrant's choices for an event. */
export async function resolveChoices(db: Db, eventId: string, input: Choice): Promise<ChoiceContext | ChoiceProblem> {
  return checkChoices(eventId, input, await loadChoiceCandidates(db, eventId, input));
}
