import { TZDate } from '@date-fns/tz';

export function isValidTimeZone(zone: string): boolean {
  if (!zone || !zone.includes('/')) return zone === 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant at which a wall-clock time happens in `zone`. `date` is YYYY-MM-DD, `time` HH:mm. */
export function zonedToUtc(date: string, time: string, zone: string): Date {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new RangeError(`Expected YYYY-MM-DD and HH:mm, got ${date} ${time}`);
  const zoned = new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), zone);
  return new Date(zoned.getTime());
}

function parts(instant: Date, zone: string) {
  const formatted = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => formatted.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** The calendar day (YYYY-MM-DD) an instant falls on in `zone`: day boundaries follow the zone. */
export function localDate(instant: Date, zone: string): string {
  return parts(instant, zone).date;
}

/** Wall-clock HH:mm of an instant in `zone`. */
export function localTime(instant: Date, zone: string): string {
  return parts(instant, zone).time;
}

/** "GMT+8", "GMT+5:30", "GMT" — the offset in force at that instant. */
export function offsetLabel(instant: Date, zone: string): string {
  const name = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  return name ?? zone;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}
