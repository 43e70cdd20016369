import type { InviteSession } from '@/lib/calendar/registration-invite';
import { placeLine } from '@/lib/format/venue-address';
import { appEnv } from '@/lib/config/env';
import { formatSpan, zonePlace } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { translator } from '@/lib/i18n/translator';
import type { ItineraryItem } from './itinerary';

/** "Tue 24 Dec 2026 · 09:30–10:15 Bangkok, GMT+7": the day and times in the registrant's zone, named. */
export function itineraryWhen(item: ItineraryItem, locale: Locale): string {
  const { startsAt, endsAt } = item.session;
  return formatSpan(startsAt, endsAt, item.zone, itineraryPlace(item, locale), locale);
}

/** The place that names the registrant's zone: the session's city, or the zone's own city name. */
export function itineraryPlace(item: Pick<ItineraryItem, 'zone' | 'origin'>, locale: Locale): string {
  return item.zone === item.origin.timeZone ? pick(item.origin.city, locale) : zonePlace(item.zone);
}

/**
 * Where the registrant goes for a session, as the mail and the calendar LOCATION say it: the room,
 * the venue and its street address (a relay: the room at their own venue, and that venue's address).
 */
export function itineraryWhere(item: ItineraryItem, locale: Locale): string {
  const venue = `${pick(item.origin.name, locale)}, ${pick(item.origin.city, locale)}`;
  if (item.presence.kind === 'in-room')
    return placeLine([
      item.originRoom ? pick(item.originRoom.name, locale) : null,
      pick(item.origin.name, locale),
      item.origin.address || pick(item.origin.city, locale),
    ]);
  if (item.presence.kind === 'relay') {
    const { room, venue: here } = item.presence;
    const t = translator(locale, 'mail');
    return placeLine([
      t('registration.relayedIn', { room: room ? pick(room.name, locale) : t('registration.yourVenue') }),
      pick(here.name, locale),
      here.address || pick(here.city, locale),
    ]);
  }
  return `${translator(locale, 'mail')('registration.online')} · ${venue}`;
}

export function inviteSession(item: ItineraryItem, locale: Locale, eventSlug: string): InviteSession {
  return {
    sessionId: item.session.id,
    title: pick(item.session.title, locale),
    description: pick(item.session.description, locale),
    startsAt: item.session.startsAt,
    endsAt: item.session.endsAt,
    location: itineraryWhere(item, locale),
    url: `${appEnv().appUrl}/events/${eventSlug}/sessions/${item.session.slug}`,
    tentative: item.seat?.status === 'waitlisted',
  };
}
