import { intlLocale, type Locale } from '@/lib/i18n/locales';
import { cachedValue, localDate, localTime, offsetLabel } from '@/lib/time/zones';

// The one path every displayed time takes (pages, mails, calendar text, CSV): a wall-clock time is
// never printed without the zone's offset at that instant, and never without its date where the
// date is not already said by a heading (see `spanText`'s `showDay`).

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mon 24 Dec 2026" / "2026年12月24日周四" for the day an instant falls on in `zone`. */
export function formatDay(instant: Date, zone: string, locale: Locale): string {
  return cachedValue(
    dayFormats,
    `${locale} ${zone}`,
    () =>
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

/** A zone's name for people when no venue names it: "Los Angeles" for America/Los_Angeles. */
export function zonePlace(zone: string): string {
  return zone.split('/').pop()!.replace(/_/g, ' ');
}

/** The pieces of a session's time in one zone, for markup that styles them; `formatSpan` joins them. */
export type SpanText = {
  /** The start's date, or null when a heading above already says it. */
  day: string | null;
  start: string;
  end: string;
  /** " (+1)" when the session ends on a later date than it starts, in this zone. */
  endDayNote: string;
  /** "Bangkok, GMT+7": the place naming the zone, and the offset in force at the start. */
  zone: string;
  /** The offset at the end, only when a clock change falls inside the session. */
  endOffset: string | null;
};

/**
 * A session's start and end in `zone`. `headingDay` (YYYY-MM-DD) is the date a surrounding heading
 * states: the start's date is shown whenever it is another day (the viewer's zone can be a day
 * behind the venue's), and always when there is no heading.
 */
export function spanText(start: Date, end: Date, zone: string, place: string, locale: Locale, headingDay: string | null = null): SpanText {
  const startDay = localDate(start, zone);
  const days = Math.round((Date.parse(localDate(end, zone)) - Date.parse(startDay)) / 86_400_000);
  const offset = offsetLabel(start, zone);
  const endOffset = offsetLabel(end, zone);
  return {
    day: startDay === headingDay ? null : formatDay(start, zone, locale),
    start: localTime(start, zone),
    end: localTime(end, zone),
    endDayNote: days > 0 ? ` (+${days})` : '',
    zone: `${place}, ${offset}`,
    endOffset: endOffset === offset ? null : endOffset,
  };
}

/** "Tue 24 Dec 2026 · 09:30–10:15 Bangkok, GMT+7" (the date left out when `headingDay` already says it). */
export function formatSpan(start: Date, end: Date, zone: string, place: string, locale: Locale, headingDay: string | null = null): string {
  const text = spanText(start, end, zone, place, locale, headingDay);
  return `${text.day ? `${text.day} · ` : ''}${joinSpan(text)}`;
}

/** The time part of a span: "09:30–10:15 Bangkok, GMT+7", "23:30–00:30 (+1) …", "01:30–03:30 Berlin, GMT+2 → GMT+1". */
export function joinSpan(text: SpanText): string {
  return `${text.start}–${text.end}${text.endDayNote} ${text.zone}${text.endOffset ? ` → ${text.endOffset}` : ''}`;
}
