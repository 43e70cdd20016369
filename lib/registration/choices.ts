import { and, eq, inArray } from 'drizzle-orm';
import { sessionRelays, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';

export type ChoiceContext = {
  venue: { id: string; slug: string; kind: string } | null;
  /** Session id → whether choosing it takes an on-site seat in that session. */
  seatBySession: Map<string, boolean>;
};

export type ChoiceProblem = { field: 'venue' | 'sessions'; message: string };

/**
 * Checks that the venue and sessions fit the attendance mode: in person, sessions held at or relayed
 * to the chosen venue; online, streamed sessions; never cancelled ones or another event's. Only a
 * session held at the attendee's own venue takes one of its seats: a relay audience is bounded by the
 * receiving venue's capacity instead.
 */
export async function resolveChoices(
  db: Db,
  eventId: string,
  input: { mode: 'in_person' | 'online'; venue: string | null; sessions: string[] },
): Promise<ChoiceContext | ChoiceProblem> {
  let venue: ChoiceContext['venue'] = null;
  if (input.mode === 'in_person') {
    const [row] = await db
      .select({ id: venues.id, slug: venues.slug, kind: venues.kind })
      .from(venues)
      .where(and(eq(venues.eventId, eventId), eq(venues.slug, input.venue ?? '')));
    if (!row || row.kind === 'online') return { field: 'venue', message: 'must be one of this forum’s on-site venues' };
    venue = row;
  }
  const seatBySession = new Map<string, boolean>();
  if (input.sessions.length === 0) return { venue, seatBySession };

  const chosen = await db
    .select({ id: sessions.id, eventId: sessions.eventId, venueId: sessions.venueId, status: sessions.status, streamed: sessions.streamed })
    .from(sessions)
    .where(inArray(sessions.id, input.sessions));
  const relays = venue
    ? await db
        .select({ sessionId: sessionRelays.sessionId })
        .from(sessionRelays)
        .where(and(inArray(sessionRelays.sessionId, input.sessions), eq(sessionRelays.venueId, venue.id)))
    : [];
  const relayedHere = new Set(relays.map((r) => r.sessionId));
  const byId = new Map(chosen.map((s) => [s.id, s]));
  for (const id of input.sessions) {
    const session = byId.get(id);
    if (!session || session.eventId !== eventId) return { field: 'sessions', message: 'contains a session that is not part of this forum' };
    if (session.status === 'cancelled') return { field: 'sessions', message: 'contains a cancelled session' };
    if (venue) {
      if (session.venueId !== venue.id && !relayedHere.has(id)) {
        return { field: 'sessions', message: 'contains a session that is neither held at nor relayed to the chosen venue' };
      }
      seatBySession.set(id, session.venueId === venue.id);
    } else {
      if (!session.streamed) return { field: 'sessions', message: 'contains a session that is not streamed online' };
      seatBySession.set(id, false);
    }
  }
  return { venue, seatBySession };
}
