import type { SpeakerTranslations } from '@/db/schema';
import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { events, rooms, sessionRelays, sessions, sessionSpeakers, speakers, venues, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';

export type ScheduleVenue = {
  name: LocalizedText;
  city: LocalizedText;
  country: string;
  timeZone: string;
  kind: 'main' | 'branch' | 'online';
};
export type SchedulePerson = {
  speakerId: string;
  name: string;
  honorific: string;
  /** The honorific in other languages, so a Chinese page does not show the English one. */
  translations: SpeakerTranslations;
  role: string;
  presence: 'onsite' | 'remote';
};

/** One of the speaker's sessions with everything the portal and the personal feed show. */
export type SpeakerSession = {
  sessionId: string;
  slug: string;
  event: { slug: string; name: LocalizedText; published: boolean };
  title: LocalizedText;
  kind: string;
  status: 'scheduled' | 'changed' | 'cancelled';
  revision: number;
  startsAt: Date;
  endsAt: Date;
  streamed: boolean;
  venue: ScheduleVenue;
  room: LocalizedText | null;
  /** The speaker's own part: role in the session and whether they are in the room or join remotely. */
  role: string;
  presence: 'onsite' | 'remote';
  moderators: SchedulePerson[];
  coSpeakers: SchedulePerson[];
  relays: { venue: ScheduleVenue; room: LocalizedText | null }[];
};

const relayRooms = alias(rooms, 'relay_rooms');

/**
 * The sessions of the given speaker records, across events and venues, in start order. Livestream
 * URLs are not read: a speaker's remote-joining details come from the organisers, not this page.
 */
export async function speakerSchedule(db: Db, speakerIds: string[]): Promise<SpeakerSession[]> {
  if (speakerIds.length === 0) return [];
  const own = await db
    .select({
      speakerId: sessionSpeakers.speakerId,
      role: sessionSpeakers.role,
      presence: sessionSpeakers.presence,
      session: {
        id: sessions.id,
        slug: sessions.slug,
        title: sessions.title,
        kind: sessions.kind,
        status: sessions.status,
        revision: sessions.revision,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
        streamed: sessions.streamed,
      },
      event: { slug: events.slug, name: events.name, status: events.status },
      venue: { name: venues.name, city: venues.city, country: venues.country, timeZone: venues.timeZone, kind: venues.kind },
      room: rooms.name,
    })
    .from(sessionSpeakers)
    .innerJoin(sessions, eq(sessionSpeakers.sessionId, sessions.id))
    .innerJoin(events, eq(sessions.eventId, events.id))
    .innerJoin(venues, eq(sessions.venueId, venues.id))
    .leftJoin(rooms, eq(sessions.roomId, rooms.id))
    .where(inArray(sessionSpeakers.speakerId, speakerIds))
    .orderBy(asc(sessions.startsAt), asc(sessions.slug));
  if (own.length === 0) return [];
  const sessionIds = [...new Set(own.map((o) => o.session.id))];
  const [people, relays] = await Promise.all([
    db
      .select({
        sessionId: sessionSpeakers.sessionId,
        speakerId: speakers.id,
        name: speakers.name,
        honorific: speakers.honorific,
        translations: speakers.translations,
        role: sessionSpeakers.role,
        presence: sessionSpeakers.presence,
      })
      .from(sessionSpeakers)
      .innerJoin(speakers, eq(sessionSpeakers.speakerId, speakers.id))
      .where(inArray(sessionSpeakers.sessionId, sessionIds))
      .orderBy(asc(sessionSpeakers.position), asc(speakers.name)),
    db
      .select({
        sessionId: sessionRelays.sessionId,
        venue: {
          name: venues.name,
          city: venues.city,
          country: venues.country,
          timeZone: venues.timeZone,
          kind: venues.kind,
          position: venues.position,
        },
        room: relayRooms.name,
      })
      .from(sessionRelays)
      .innerJoin(venues, eq(sessionRelays.venueId, venues.id))
      .leftJoin(relayRooms, eq(sessionRelays.roomId, relayRooms.id))
      .where(inArray(sessionRelays.sessionId, sessionIds))
      .orderBy(asc(venues.position), asc(venues.slug)),
  ]);
  const mine = new Set(speakerIds);
  const seen = new Set<string>();
  const result: SpeakerSession[] = [];
  for (const row of own) {
    // One person may be on a session twice only through two records; show it once.
    if (seen.has(row.session.id)) continue;
    seen.add(row.session.id);
    const others = people.filter((p) => p.sessionId === row.session.id && !mine.has(p.speakerId));
    const person = ({ sessionId: _, ...p }: (typeof people)[number]): SchedulePerson => p;
    result.push({
      sessionId: row.session.id,
      slug: row.session.slug,
      event: { slug: row.event.slug, name: row.event.name, published: row.event.status === 'published' },
      title: row.session.title,
      kind: row.session.kind,
      status: row.session.status,
      revision: row.session.revision,
      startsAt: row.session.startsAt,
      endsAt: row.session.endsAt,
      streamed: row.session.streamed,
      venue: row.venue,
      room: row.room,
      role: row.role,
      presence: row.presence,
      moderators: others.filter((p) => p.role === 'moderator').map(person),
      coSpeakers: others.filter((p) => p.role !== 'moderator').map(person),
      relays: relays
        .filter((r) => r.sessionId === row.session.id)
        .map((r) => ({
          venue: { name: r.venue.name, city: r.venue.city, country: r.venue.country, timeZone: r.venue.timeZone, kind: r.venue.kind },
          room: r.room,
        })),
    });
  }
  return result;
}
