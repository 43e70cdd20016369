import { and, asc, eq } from 'drizzle-orm';
import { INTERPRETATION_LANGUAGES } from '@/lib/livestream/channels';
import { rooms, sessionRelays, sessions, sessionSpeakers, speakers, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { inScope, scopedEvent } from '@/lib/admin/event-access';
import { VENUE_EDITORS } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { pick } from '@/lib/i18n/text';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { localDate, localTime } from '@/lib/time/zones';
import type { SessionFormValues } from './session-input';
import { speakerCredentials } from '@/lib/speakers/credentials';

export type EditorOptions = {
  /** label: name and zone, for the venue list; name alone, for sentences that name the zone themselves. */
  venues: {
    id: string;
    label: string;
    name: string;
    timeZone: string;
    kind: string;
    /** Whether a session may be placed there (a venue manager's own venue). */
    own: boolean;
  }[];
  rooms: { id: string; venueId: string; label: string; capacity: number }[];
  speakers: { id: string; label: string }[];
};

/** What the session editor offers: this event's venues (with zones), rooms and speakers. */
export async function sessionEditorOptions(
  db: Db,
  actor: Actor | null,
  slug: string,
  locale: string,
): Promise<EditorOptions & { eventId: string; firstDay: string }> {
  const { event, scope } = await scopedEvent(db, actor, slug, VENUE_EDITORS);
  // A venue manager places sessions at their own venue; relays to other venues stay as an organiser set them.
  const venueRows = await db.select().from(venues).where(eq(venues.eventId, event.id)).orderBy(asc(venues.position), asc(venues.slug));
  const roomRows = await db
    .select({ room: rooms })
    .from(rooms)
    .innerJoin(venues, eq(rooms.venueId, venues.id))
    .where(eq(venues.eventId, event.id));
  const speakerRows = await db.select().from(speakers).where(eq(speakers.eventId, event.id)).orderBy(asc(speakers.name));
  return {
    eventId: event.id,
    firstDay: localDate(event.startsAt, event.timeZone),
    venues: venueRows.map((v) => ({
      id: v.id,
      label: `${pick(v.name, locale)} (${v.timeZone})`,
      name: pick(v.name, locale),
      timeZone: v.timeZone,
      kind: v.kind,
      own: inScope(scope, v.id),
    })),
    rooms: roomRows.map(({ room }) => ({ id: room.id, venueId: room.venueId, label: pick(room.name, locale), capacity: room.capacity })),
    // The affiliation in the page's language, or the name alone (no English inside a Chinese page).
    speakers: speakerRows.map((s) => ({
      id: s.id,
      label: [s.name, speakerCredentials(s, locale).affiliation].filter(Boolean).join(' · '),
    })),
  };
}

/** A stored session as the editor's form values, its times back in its venue's zone. */
export async function sessionFormValues(db: Db, actor: Actor | null, slug: string, sessionId: string): Promise<SessionFormValues | null> {
  const { event, scope } = await scopedEvent(db, actor, slug, VENUE_EDITORS);
  const [row] = await db
    .select({ session: sessions, venue: venues })
    .from(sessions)
    .innerJoin(venues, eq(sessions.venueId, venues.id))
    .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, event.id)));
  // Another venue's session is, to a venue manager, one that does not exist.
  if (!row || !inScope(scope, row.venue.id)) return null;
  const { session, venue } = row;
  const [relays, roles] = await Promise.all([
    db.select().from(sessionRelays).where(eq(sessionRelays.sessionId, session.id)),
    db.select().from(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session.id)).orderBy(asc(sessionSpeakers.position)),
  ]);
  return {
    slug: session.slug,
    title: localizedFormValues(session.title),
    description: localizedFormValues(session.description),
    kind: session.kind,
    segment: session.segment as SessionFormValues['segment'],
    venueId: session.venueId,
    roomId: session.roomId ?? '',
    date: localDate(session.startsAt, venue.timeZone),
    start: localTime(session.startsAt, venue.timeZone),
    end: localTime(session.endsAt, venue.timeZone),
    capacity: session.capacity === null ? '' : session.capacity,
    streamed: session.streamed,
    livestreamUrl: session.livestreamUrl ?? '',
    interpretationUrls: Object.fromEntries(
      INTERPRETATION_LANGUAGES.map((language) => [language, session.interpretationUrls[language] ?? '']),
    ),
    recordingUrl: session.recordingUrl ?? '',
    languages: session.languages as SessionFormValues['languages'],
    relayVenueIds: relays.map((r) => r.venueId),
    speakers: roles.map((r) => ({ speakerId: r.speakerId, role: r.role, presence: r.presence })),
    cancelled: session.status === 'cancelled',
    acknowledgeConflicts: false,
  };
}
