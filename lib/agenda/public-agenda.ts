import { asc, eq, inArray } from 'drizzle-orm';
import {
  rooms,
  sessionRelays,
  sessions,
  sessionSpeakers,
  speakers,
  venues,
  type LocalizedText,
  type SpeakerTranslations,
} from '@/db/schema';
import type { Db } from '@/db/types';
import type { AgendaSession } from './agenda-session';
import type { EventRow } from './events';
import { publishedSessions } from './published-sessions';

export type AgendaVenue = {
  id: string;
  slug: string;
  name: LocalizedText;
  city: LocalizedText;
  country: string;
  address: string;
  timeZone: string;
  kind: 'main' | 'branch' | 'online';
  capacity: number | null;
};
export type AgendaRoom = { id: string; venueId: string; name: LocalizedText; capacity: number };
export type AgendaSpeaker = {
  id: string;
  slug: string;
  name: string;
  honorific: string;
  jobTitle: string;
  affiliation: string;
  /** Honorific, job title and affiliation in other languages (speakerCredentials picks). */
  translations: SpeakerTranslations;
  country: string;
  bio: LocalizedText;
};

/**
 * Everything the public programme shows, read in a handful of queries. Livestream URLs are not
 * part of it: public pages, feeds and the API are built from this and cannot leak them.
 */
export type PublicAgenda = {
  event: EventRow;
  venues: AgendaVenue[];
  rooms: AgendaRoom[];
  sessions: AgendaSession[];
  speakers: AgendaSpeaker[];
};

/**
 * The programme as the public sees it: the sessions of the last published version, with today's
 * venues, rooms and speaker profiles. Before anything is published, the working copy.
 */
export async function publicAgenda(db: Db, event: EventRow): Promise<PublicAgenda> {
  const [frame, published] = await Promise.all([agendaFrame(db, event), publishedSessions(db, event)]);
  // Only before the first publication are the working sessions read: they would be thrown away.
  return { ...frame, sessions: published ?? (await workingSessions(db, event)) };
}

/** The agenda as organisers are editing it, straight from the tables. */
export async function workingAgenda(db: Db, event: EventRow): Promise<PublicAgenda> {
  const [frame, sessionList] = await Promise.all([agendaFrame(db, event), workingSessions(db, event)]);
  return { ...frame, sessions: sessionList };
}

/** What is live whatever version is published: the event's venues, rooms and speaker profiles. */
async function agendaFrame(db: Db, event: EventRow): Promise<Omit<PublicAgenda, 'sessions'>> {
  const venueRows = await db
    .select({
      id: venues.id,
      slug: venues.slug,
      name: venues.name,
      city: venues.city,
      country: venues.country,
      address: venues.address,
      timeZone: venues.timeZone,
      kind: venues.kind,
      capacity: venues.capacity,
    })
    .from(venues)
    .where(eq(venues.eventId, event.id))
    .orderBy(asc(venues.position), asc(venues.slug));
  const venueIds = venueRows.map((v) => v.id);
  const [roomRows, speakerRows] = await Promise.all([
    venueIds.length
      ? db
          .select({ id: rooms.id, venueId: rooms.venueId, name: rooms.name, capacity: rooms.capacity })
          .from(rooms)
          .where(inArray(rooms.venueId, venueIds))
      : [],
    db
      .select({
        id: speakers.id,
        slug: speakers.slug,
        name: speakers.name,
        honorific: speakers.honorific,
        jobTitle: speakers.jobTitle,
        affiliation: speakers.affiliation,
        translations: speakers.translations,
        country: speakers.country,
        bio: speakers.bio,
      })
      .from(speakers)
      .where(eq(speakers.eventId, event.id))
      .orderBy(asc(speakers.name)),
  ]);
  return { event, venues: venueRows, rooms: roomRows, speakers: speakerRows };
}

/** The working copy of the sessions with their relays and speaker roles. */
async function workingSessions(db: Db, event: EventRow): Promise<AgendaSession[]> {
  const sessionRows = await db
    .select({
      id: sessions.id,
      slug: sessions.slug,
      title: sessions.title,
      description: sessions.description,
      kind: sessions.kind,
      segment: sessions.segment,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      venueId: sessions.venueId,
      roomId: sessions.roomId,
      capacity: sessions.capacity,
      streamed: sessions.streamed,
      recordingUrl: sessions.recordingUrl,
      languages: sessions.languages,
      status: sessions.status,
      revision: sessions.revision,
    })
    .from(sessions)
    .where(eq(sessions.eventId, event.id))
    .orderBy(asc(sessions.startsAt), asc(sessions.slug));
  const sessionIds = sessionRows.map((s) => s.id);
  const [relayRows, roleRows] = sessionIds.length
    ? await Promise.all([
        db.select().from(sessionRelays).where(inArray(sessionRelays.sessionId, sessionIds)),
        db.select().from(sessionSpeakers).where(inArray(sessionSpeakers.sessionId, sessionIds)).orderBy(asc(sessionSpeakers.position)),
      ])
    : [[], []];
  return sessionRows.map(({ recordingUrl, ...s }) => ({
    ...s,
    hasRecording: Boolean(recordingUrl),
    relays: relayRows.filter((r) => r.sessionId === s.id).map((r) => ({ venueId: r.venueId, roomId: r.roomId })),
    speakers: roleRows.filter((r) => r.sessionId === s.id).map((r) => ({ speakerId: r.speakerId, role: r.role, presence: r.presence })),
  }));
}

/** Live seat counts, kept apart from the programme so it can be cached while seats change. */
export async function seatsLeft(db: Db, eventId: string): Promise<Map<string, number | null>> {
  const rows = await db
    .select({ id: sessions.id, capacity: sessions.capacity, confirmed: sessions.confirmedCount })
    .from(sessions)
    .where(eq(sessions.eventId, eventId));
  return new Map(rows.map((r) => [r.id, r.capacity === null ? null : Math.max(0, r.capacity - r.confirmed)]));
}
