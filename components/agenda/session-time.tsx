import { formatDay } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { localDate, localTime, offsetLabel } from '@/lib/time/zones';

/** A session's time, always with its zone: "09:00–09:45 Nanning, GMT+8". */
export function SessionTime({ start, end, zone, place, locale, withDay = false }: { start: Date; end: Date; zone: string; place: string; locale: Locale; withDay?: boolean }) {
  const dayNote = localDate(start, zone) !== localDate(end, zone) ? ' (+1)' : '';
  return (
    <time dateTime={start.toISOString()} className="time" data-zone={zone}>
      {withDay && `${formatDay(start, zone, locale)} · `}
      {localTime(start, zone)}–{localTime(end, zone)}
      {dayNote} <span className="zone">{place}, {offsetLabel(start, zone)}</span>
    </time>
  );
}
