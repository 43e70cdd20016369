import { spanText } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import type { LocalizedText } from '@/db/schema';
import { pick } from '@/lib/i18n/text';

/**
 * A session's time, always with its zone: "09:00–09:45 Nanning, GMT+8". `headingDay` is the date
 * (YYYY-MM-DD) a heading above already states; the time carries its own date whenever it falls on
 * another day in `zone`, and always when there is no such heading (null).
 */
export function SessionTime({
  start,
  end,
  zone,
  place,
  locale,
  headingDay,
}: {
  start: Date;
  end: Date;
  zone: string;
  place: string;
  locale: Locale;
  headingDay: string | null;
}) {
  const text = spanText(start, end, zone, place, locale, headingDay);
  return (
    <time dateTime={start.toISOString()} className="time" data-zone={zone}>
      {text.day && `${text.day} · `}
      {text.start}–{text.end}
      {text.endDayNote}{' '}
      <span className="zone">
        {text.zone}
        {text.endOffset && ` → ${text.endOffset}`}
      </span>
    </time>
  );
}

/** A session's time in a venue's zone, labelled with the venue's city in the page's language. */
export function SessionTimeAt({
  session,
  venue,
  locale,
  headingDay,
}: {
  session: { startsAt: Date; endsAt: Date };
  venue: { timeZone: string; city: LocalizedText };
  locale: Locale;
  headingDay: string | null;
}) {
  return (
    <SessionTime
      start={session.startsAt}
      end={session.endsAt}
      zone={venue.timeZone}
      place={pick(venue.city, locale)}
      locale={locale}
      headingDay={headingDay}
    />
  );
}
