import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { cachedValue, localTime, offsetLabel } from '@/lib/time/zones';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mon 24 Dec 2026" / "2026年12月24日周四" for the day an instant falls on in `zone`. */
export function formatDay(instant: Date, zone: string, locale: Locale): string {
  return cachedValue(dayFormats, `${locale} ${zone}`, () =>
    new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    }),
  ).format(instant);
}

/** A time that always carries its zone: "09:30 Bangkok, GMT+7". */
export function formatTimeWithZone(instant: Date, zone: string, place: string): string {
  return `${localTime(instant, zone)} ${place}, ${offsetLabel(instant, zone)}`;
}

/** "09:30–10:15 GMT+7" */
export function formatRange(start: Date, end: Date, zone: string): string {
  return `${localTime(start, zone)}–${localTime(end, zone)} ${offsetLabel(start, zone)}`;
}
