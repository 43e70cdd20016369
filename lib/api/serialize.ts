import type { ApiExhibitor, ApiListing } from '@/lib/exhibition/api-directory';
import { eventPhase } from '@/lib/events/lifecycle';
import type { AgendaSession } from '@/lib/agenda/agenda-session';
import type { PublicAgenda } from '@/lib/agenda/public-agenda';
import type { EventRow } from '@/lib/agenda/events';

/** Public JSON shapes. Built field by field, so nothing private (livestream links) can slip in. */
export function eventJson(event: EventRow) {
  return {
    slug: event.slug,
    name: event.name,
    theme: event.theme,
    description: event.description,
    organiser: event.organiser,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.timeZone,
    languages: event.languages,
    /** upcoming, open, closed or archived: where the forum stands at the time of the answer. */
    phase: eventPhase(event, new Date()),
    registration: {
      opensAt: event.registrationOpensAt?.toISOString() ?? null,
      closesAt: event.registrationClosesAt?.toISOString() ?? null,
    },
    links: {
      agenda: `/api/v1/events/${event.slug}/sessions`,
      venues: `/api/v1/events/${event.slug}/venues`,
      calendar: `/api/v1/events/${event.slug}/agenda.ics`,
    },
  };
}

export function venuesJson(agenda: PublicAgenda) {
  return agenda.venues.map((v) => ({
    slug: v.slug,
    name: v.name,
    city: v.city,
    country: v.country,
    timeZone: v.timeZone,
    kind: v.kind,
    capacity: v.capacity,
    rooms: agenda.rooms.filter((r) => r.venueId === v.id).map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
  }));
}

export function sessionJson(agenda: PublicAgenda, session: AgendaSession, seatsLeft: number | null | undefined) {
  const venueSlug = (id: string) => agenda.venues.find((v) => v.id === id)?.slug ?? null;
  return {
    id: session.id,
    slug: session.slug,
    title: session.title,
    description: session.description,
    kind: session.kind,
    segment: session.segment,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    venue: venueSlug(session.venueId),
    room: agenda.rooms.find((r) => r.id === session.roomId)?.name ?? null,
    capacity: session.capacity,
    seatsLeft: seatsLeft ?? null,
    streamed: session.streamed,
    hasRecording: session.hasRecording,
    languages: session.languages,
    status: session.status,
    revision: session.revision,
    relayedTo: session.relays.map((r) => venueSlug(r.venueId)),
    speakers: session.speakers.map((role) => {
      const person = agenda.speakers.find((p) => p.id === role.speakerId);
      return {
        slug: person?.slug,
        name: person?.name,
        affiliation: person?.affiliation,
        country: person?.country,
        role: role.role,
        presence: role.presence,
      };
    }),
  };
}

/** An approved exhibitor as the API shows it: profile and booth, never the contact person, email or phone. */
export function exhibitorJson(e: ApiExhibitor, eventSlug: string) {
  return {
    slug: e.slug,
    name: e.name,
    description: e.description,
    country: e.country,
    sectors: e.sectors,
    website: e.website || null,
    logo: e.hasLogo ? `/events/${eventSlug}/exhibitors/${e.slug}/logo` : null,
    booth: e.venueSlug && e.hall && e.booth ? { venue: e.venueSlug, hall: e.hall, number: e.booth } : null,
  };
}

/** A published listing as the API shows it, with its author's public name and country (and exhibitor slug, if an exhibitor). */
export function listingJson(l: ApiListing) {
  return {
    id: l.id,
    kind: l.kind,
    title: l.title,
    summary: l.summary,
    sector: l.sector,
    trl: l.trl,
    ipStatus: l.ipStatus,
    cooperation: l.cooperation,
    partnerCountries: l.countries,
    // An exhibitor's listing names its exhibitor page; an attendee's shows their organisation only.
    author: { exhibitor: l.exhibitorSlug, name: l.authorName, country: l.authorCountry },
  };
}
