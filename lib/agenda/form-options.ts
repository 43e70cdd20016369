import type { PublicAgenda } from '@/lib/agenda/public-agenda';
import { venueAgendas } from '@/lib/agenda/venue-agenda';
import { joinSpan, spanText } from '@/lib/format/datetime';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { regionOptions } from '@/lib/i18n/region-names';

export type SessionOption = { id: string; title: string; day: string; time: string; relay: boolean; seatsLeft: number | null };
export type FormOptions = {
  venues: { slug: string; label: string }[];
  /**
   * Venue slug (or "online") → the sessions open to that choice, earliest first, times in that
   * venue's zone; online, in each session's own venue's zone (as the mail and manage page say).
   */
  sessionsFor: Record<string, SessionOption[]>;
  countries: { code: string; name: string }[];
};

/** Everything the registration form needs to offer, computed on the server in the viewer's language. */
export function registrationFormOptions(agenda: PublicAgenda, seats: Map<string, number | null>, locale: Locale): FormOptions {
  const sessionsFor: Record<string, SessionOption[]> = {};
  for (const venue of agenda.venues) {
    const key = venue.kind === 'online' ? 'online' : venue.slug;
    sessionsFor[key] = venueAgendas(agenda, { venue: venue.slug })
      .filter((e) => e.session.status !== 'cancelled')
      .map((e) => {
        const lived = venue.kind === 'online' ? e.origin : venue;
        const when = spanText(e.session.startsAt, e.session.endsAt, lived.timeZone, pick(lived.city, locale), locale);
        return {
          id: e.session.id,
          title: pick(e.session.title, locale),
          day: when.day!,
          time: joinSpan(when),
          relay: e.relay,
          seatsLeft: e.relay || venue.kind === 'online' ? null : (seats.get(e.session.id) ?? null),
        };
      });
  }
  return {
    venues: agenda.venues
      .filter((v) => v.kind !== 'online')
      .map((v) => ({ slug: v.slug, label: `${pick(v.name, locale)} (${pick(v.city, locale)}, ${v.timeZone})` })),
    sessionsFor,
    countries: regionOptions(locale),
  };
}
