import { localDate } from '@/lib/time/zones';
import type { AgendaSession } from './agenda-session';
import type { AgendaVenue, PublicAgenda } from './public-agenda';

/** One line of a venue's programme: a session held there, or shown there live from another venue. */
export type AgendaEntry = {
  session: AgendaSession;
  venue: AgendaVenue; // where it is shown
  origin: AgendaVenue; // where it is held
  relay: boolean;
  roomId: string | null;
  day: string; // YYYY-MM-DD in the venue's zone
};

export type AgendaFilter = { venue?: string; segment?: string; kind?: string; language?: string; q?: string; day?: string };

function matchesText(session: AgendaSession, speakers: Map<string, string>, q: string): boolean {
  const needle = q.toLowerCase();
  const haystack = [
    session.title.en,
    session.title.zh,
    session.description.en,
    session.description.zh,
    ...session.speakers.map((s) => speakers.get(s.speakerId)),
  ];
  return haystack.some((text) => text?.toLowerCase().includes(needle));
}

/**
 * The programme as each venue sees it, in that venue's own calendar days. The online venue shows
 * every streamed session.
 */
export function venueAgendas(agenda: PublicAgenda, filter: AgendaFilter = {}): AgendaEntry[] {
  const venuesById = new Map(agenda.venues.map((v) => [v.id, v]));
  const speakerNames = new Map(agenda.speakers.map((s) => [s.id, `${s.name} ${s.affiliation}`]));
  const entries: AgendaEntry[] = [];
  const online = agenda.venues.find((v) => v.kind === 'online');
  for (const session of agenda.sessions) {
    if (filter.segment && session.segment !== filter.segment) continue;
    if (filter.kind && session.kind !== filter.kind) continue;
    if (filter.language && !session.languages.includes(filter.language)) continue;
    if (filter.q && !matchesText(session, speakerNames, filter.q)) continue;
    const origin = venuesById.get(session.venueId);
    if (!origin) continue;
    const shownAt: { venue: AgendaVenue; relay: boolean; roomId: string | null }[] = [
      { venue: origin, relay: false, roomId: session.roomId },
    ];
    for (const relay of session.relays) {
      const venue = venuesById.get(relay.venueId);
      if (venue) shownAt.push({ venue, relay: true, roomId: relay.roomId });
    }
    if (online && session.streamed && origin.id !== online.id) shownAt.push({ venue: online, relay: true, roomId: null });
    for (const place of shownAt) {
      if (filter.venue && place.venue.slug !== filter.venue) continue;
      const day = localDate(session.startsAt, place.venue.timeZone);
      if (filter.day && day !== filter.day) continue;
      entries.push({ session, venue: place.venue, origin, relay: place.relay, roomId: place.roomId, day });
    }
  }
  return entries.sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime() || a.venue.slug.localeCompare(b.venue.slug));
}
