import { and, eq, inArray, ne } from 'drizzle-orm';
import { rooms, sessionRelays, sessions, sessionSpeakers, speakers, venues, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { eventTimestamp } from '@/lib/format/event-time';
import { localDate, localTime, offsetLabel } from '@/lib/time/zones';
import { TRAVEL_HOURS } from '@/lib/time/travel';

export { TRAVEL_HOURS } from '@/lib/time/travel';
/** A relay whose local start falls outside 07:00–22:00 at the receiving venue is flagged. */
const NIGHT_BEFORE = '07:00';
const NIGHT_FROM = '22:00';

export type SessionDraft = {
  id: string | null;
  startsAt: Date;
  endsAt: Date;
  venueId: string;
  roomId: string | null;
  capacity: number | null;
  relayVenueIds: string[];
  speakers: { speakerId: string; presence: 'onsite' | 'remote' }[];
};

export type Conflict =
  | { kind: 'room-double-booked'; other: LocalizedText; room: LocalizedText; when: string }
  | { kind: 'speaker-double-booked'; speaker: string; other: LocalizedText; when: string }
  | { kind: 'speaker-travel'; speaker: string; other: LocalizedText; otherVenue: LocalizedText; when: string; hours: number }
  | { kind: 'outside-event'; first: string; last: string }
  | { kind: 'relay-at-night'; venue: LocalizedText; when: string }
  | { kind: 'relay-overlap'; venue: LocalizedText; other: LocalizedText; when: string }
  | { kind: 'over-room-capacity'; room: LocalizedText; roomCapacity: number; capacity: number };

type EventBounds = { id: string; startsAt: Date; endsAt: Date; timeZone: string };

const overlaps = (a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }) =>
  a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * Everything about a session that an organiser should see before saving it: warnings, not errors,
 * since a forum sometimes means it (two rooms merged, a speaker who really is on a night flight).
 */
export async function findConflicts(db: Db, event: EventBounds, draft: SessionDraft): Promise<Conflict[]> {
  const conflicts: Conflict[] = [];
  const eventVenues = await db.select().from(venues).where(eq(venues.eventId, event.id));
  const venueById = new Map(eventVenues.map((v) => [v.id, v]));
  const venue = venueById.get(draft.venueId);
  const zone = venue?.timeZone ?? event.timeZone;
  const others = await db
    .select({
      id: sessions.id,
      title: sessions.title,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      venueId: sessions.venueId,
      roomId: sessions.roomId,
    })
    .from(sessions)
    .where(and(eq(sessions.eventId, event.id), ne(sessions.status, 'cancelled'), draft.id ? ne(sessions.id, draft.id) : undefined));

  if (draft.startsAt < event.startsAt || draft.endsAt > event.endsAt) {
    conflicts.push({
      kind: 'outside-event',
      first: localDate(event.startsAt, event.timeZone),
      last: localDate(new Date(event.endsAt.getTime() - 1), event.timeZone),
    });
  }

  if (draft.roomId) {
    const [room] = await db.select().from(rooms).where(eq(rooms.id, draft.roomId));
    for (const other of others.filter((o) => o.roomId === draft.roomId && overlaps(o, draft))) {
      conflicts.push({ kind: 'room-double-booked', other: other.title, room: room!.name, when: eventTimestamp(other.startsAt, zone) });
    }
    if (room && draft.capacity !== null && draft.capacity > room.capacity) {
      conflicts.push({ kind: 'over-room-capacity', room: room.name, roomCapacity: room.capacity, capacity: draft.capacity });
    }
  }

  if (draft.speakers.length) {
    const appearances = await db
      .select({
        speakerId: sessionSpeakers.speakerId,
        presence: sessionSpeakers.presence,
        name: speakers.name,
        sessionId: sessionSpeakers.sessionId,
      })
      .from(sessionSpeakers)
      .innerJoin(speakers, eq(sessionSpeakers.speakerId, speakers.id))
      .where(eq(speakers.eventId, event.id));
    const otherById = new Map(others.map((o) => [o.id, o]));
    for (const mine of draft.speakers) {
      for (const appearance of appearances.filter((a) => a.speakerId === mine.speakerId)) {
        const other = otherById.get(appearance.sessionId);
        if (!other) continue;
        if (overlaps(other, draft)) {
          conflicts.push({
            kind: 'speaker-double-booked',
            speaker: appearance.name,
            other: other.title,
            when: eventTimestamp(other.startsAt, zone),
          });
          continue;
        }
        const bothOnSite = mine.presence === 'onsite' && appearance.presence === 'onsite';
        const otherVenue = venueById.get(other.venueId);
        const physical = venue?.kind !== 'online' && otherVenue?.kind !== 'online';
        if (!bothOnSite || !physical || other.venueId === draft.venueId) continue;
        const gapHours =
          Math.max(draft.startsAt.getTime() - other.endsAt.getTime(), other.startsAt.getTime() - draft.endsAt.getTime()) / 3_600_000;
        if (gapHours < TRAVEL_HOURS) {
          conflicts.push({
            kind: 'speaker-travel',
            speaker: appearance.name,
            other: other.title,
            otherVenue: otherVenue!.name,
            when: eventTimestamp(other.startsAt, otherVenue!.timeZone),
            hours: Math.round(gapHours * 10) / 10,
          });
        }
      }
    }
  }

  // A relay lands on the receiving venue's screen: it must not overlap what that venue already
  // shows (its own sessions or other relays), and the draft's own venue must not be showing a relay
  // then. The draft names no relay room, so any overlap at the venue counts.
  const relays = others.length
    ? await db
        .select({ sessionId: sessionRelays.sessionId, venueId: sessionRelays.venueId })
        .from(sessionRelays)
        .where(
          inArray(
            sessionRelays.sessionId,
            others.map((o) => o.id),
          ),
        )
    : [];
  const shownAt = (venueId: string) => {
    const relayed = new Set(relays.filter((r) => r.venueId === venueId).map((r) => r.sessionId));
    return others.filter((o) => (o.venueId === venueId || relayed.has(o.id)) && overlaps(o, draft));
  };
  for (const relayVenueId of draft.relayVenueIds) {
    const target = venueById.get(relayVenueId);
    if (!target) continue;
    for (const other of shownAt(relayVenueId)) {
      conflicts.push({
        kind: 'relay-overlap',
        venue: target.name,
        other: other.title,
        when: eventTimestamp(other.startsAt, target.timeZone),
      });
    }
  }
  if (venue) {
    const relayedHere = new Set(relays.filter((r) => r.venueId === venue.id).map((r) => r.sessionId));
    for (const other of others.filter((o) => relayedHere.has(o.id) && overlaps(o, draft))) {
      conflicts.push({ kind: 'relay-overlap', venue: venue.name, other: other.title, when: eventTimestamp(other.startsAt, zone) });
    }
  }

  for (const relayVenueId of draft.relayVenueIds) {
    const target = venueById.get(relayVenueId);
    if (!target) continue;
    const start = localTime(draft.startsAt, target.timeZone);
    const end = localTime(draft.endsAt, target.timeZone);
    const crossesMidnight = localDate(draft.startsAt, target.timeZone) !== localDate(draft.endsAt, target.timeZone);
    if (start < NIGHT_BEFORE || start >= NIGHT_FROM || end > NIGHT_FROM || crossesMidnight) {
      conflicts.push({
        kind: 'relay-at-night',
        venue: target.name,
        when: `${start}–${end} ${offsetLabel(draft.startsAt, target.timeZone)}`,
      });
    }
  }
  return conflicts;
}
