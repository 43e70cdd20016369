import { eventTimestamp } from '@/lib/format/event-time';
import type { AgendaSession } from '../agenda-session';
import type { PublicAgenda } from '../public-agenda';
import { TRAVEL_HOURS, type Conflict } from './conflicts';

/** A session where it is seen: its own room, or a relay room (or just the venue) elsewhere. */
type Showing = { session: AgendaSession; venueId: string; roomId: string | null; relay: boolean };

const overlaps = (a: AgendaSession, b: AgendaSession) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
/** Two showings need the same room when they name the same one, or when either names none (the venue's only screen). */
const sameRoom = (a: Showing, b: Showing) => a.roomId === null || b.roomId === null || a.roomId === b.roomId;

/**
 * The conflicts the agenda already holds, session by session: rooms booked twice, relays that land
 * on a venue's own sessions or on other relays, speakers in two places at once or with a trip that
 * cannot be made. The editor checks one draft; this checks everything saved, for the agenda list.
 */
export function scheduleConflicts(agenda: PublicAgenda): Map<string, Conflict[]> {
  const venueById = new Map(agenda.venues.map((v) => [v.id, v]));
  const roomById = new Map(agenda.rooms.map((r) => [r.id, r]));
  const active = agenda.sessions.filter((s) => s.status !== 'cancelled');
  const found = new Map<string, Conflict[]>();
  const add = (session: AgendaSession, conflict: Conflict) => found.set(session.id, [...(found.get(session.id) ?? []), conflict]);

  const showings: Showing[] = active.flatMap((session) => [
    { session, venueId: session.venueId, roomId: session.roomId, relay: false },
    ...session.relays.map((r) => ({ session, venueId: r.venueId, roomId: r.roomId, relay: true })),
  ]);
  for (const [i, a] of showings.entries()) {
    for (const b of showings.slice(i + 1)) {
      if (a.session.id === b.session.id || a.venueId !== b.venueId || !overlaps(a.session, b.session)) continue;
      const venue = venueById.get(a.venueId)!;
      const when = (s: AgendaSession) => eventTimestamp(s.startsAt, venue.timeZone);
      if (a.relay || b.relay) {
        if (!sameRoom(a, b)) continue;
        add(a.session, { kind: 'relay-overlap', venue: venue.name, other: b.session.title, when: when(b.session) });
        add(b.session, { kind: 'relay-overlap', venue: venue.name, other: a.session.title, when: when(a.session) });
      } else if (a.roomId && a.roomId === b.roomId) {
        const room = roomById.get(a.roomId)!.name;
        add(a.session, { kind: 'room-double-booked', room, other: b.session.title, when: when(b.session) });
        add(b.session, { kind: 'room-double-booked', room, other: a.session.title, when: when(a.session) });
      }
    }
  }

  const speakerName = new Map(agenda.speakers.map((s) => [s.id, s.name]));
  const appearances = active.flatMap((session) =>
    session.speakers.map((s) => ({ session, speakerId: s.speakerId, onsite: s.presence !== 'remote' })),
  );
  for (const [i, a] of appearances.entries()) {
    for (const b of appearances.slice(i + 1)) {
      if (a.speakerId !== b.speakerId || a.session.id === b.session.id) continue;
      const speaker = speakerName.get(a.speakerId) ?? '';
      const venueA = venueById.get(a.session.venueId)!;
      const venueB = venueById.get(b.session.venueId)!;
      if (overlaps(a.session, b.session)) {
        add(a.session, {
          kind: 'speaker-double-booked',
          speaker,
          other: b.session.title,
          when: eventTimestamp(b.session.startsAt, venueA.timeZone),
        });
        add(b.session, {
          kind: 'speaker-double-booked',
          speaker,
          other: a.session.title,
          when: eventTimestamp(a.session.startsAt, venueB.timeZone),
        });
        continue;
      }
      const physical = venueA.kind !== 'online' && venueB.kind !== 'online';
      if (!a.onsite || !b.onsite || !physical || venueA.id === venueB.id) continue;
      const gapHours =
        Math.max(a.session.startsAt.getTime() - b.session.endsAt.getTime(), b.session.startsAt.getTime() - a.session.endsAt.getTime()) /
        3_600_000;
      if (gapHours >= TRAVEL_HOURS) continue;
      const hours = Math.round(gapHours * 10) / 10;
      add(a.session, {
        kind: 'speaker-travel',
        speaker,
        other: b.session.title,
        otherVenue: venueB.name,
        when: eventTimestamp(b.session.startsAt, venueB.timeZone),
        hours,
      });
      add(b.session, {
        kind: 'speaker-travel',
        speaker,
        other: a.session.title,
        otherVenue: venueA.name,
        when: eventTimestamp(a.session.startsAt, venueA.timeZone),
        hours,
      });
    }
  }
  return found;
}
