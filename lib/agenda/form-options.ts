import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import type { PublicAgenda } from './public-agenda';
import { venueAgendas } from './venue-agenda';
import { formatDay } from '@/lib/format/datetime';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { localTime, offsetLabel } from '@/lib/time/zones';

countries.registerLocale(en);
countries.registerLocale(zh);

export type SessionOption = { id: string; title: string; day: string; time: string; relay: boolean; seatsLeft: number | null };
export type FormOptions = {
  venues: { slug: string; label: string }[];
  /** Venue slug (or "online") → the sessions open to that choice, times in that venue's zone. */
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
      .map((e) => ({
        id: e.session.id,
        title: pick(e.session.title, locale),
        day: formatDay(e.session.startsAt, venue.timeZone, locale),
        time: `${localTime(e.session.startsAt, venue.timeZone)}–${localTime(e.session.endsAt, venue.timeZone)} ${pick(venue.city, locale)}, ${offsetLabel(e.session.startsAt, venue.timeZone)}`,
        relay: e.relay,
        seatsLeft: e.relay || venue.kind === 'online' ? null : (seats.get(e.session.id) ?? null),
      }));
  }
  const names = countries.getNames(locale === 'zh' ? 'zh' : 'en', { select: 'official' });
  return {
    venues: agenda.venues.filter((v) => v.kind !== 'online').map((v) => ({ slug: v.slug, label: `${pick(v.name, locale)} (${pick(v.city, locale)}, ${v.timeZone})` })),
    sessionsFor,
    countries: Object.entries(names)
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, locale === 'zh' ? 'zh-CN' : 'en')),
  };
}
