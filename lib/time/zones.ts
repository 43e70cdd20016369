import { TZDate } from '@date-fns/tz';

export function isValidTimeZone(zone: string): boolean {
  if (!zone?.includes('/')) return zone === 'UTC';
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

// Building an Intl.DateTimeFormat for a zone costs ~60 µs, using one ~5 µs; a programme page formats
// hundreds of times per request, so one formatter per zone (and kind) is kept for the process.
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The value kept under `key`, made once. Keys include zones from query strings (and instants, for
 * the wall-clock parts), hence the bound: a full cache starts over.
 */
export function cachedValue<T>(cache: Map<string, T>, key: string, create: () => T, maxEntries = 1_000): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = create();
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, value);
  }
  return value;
}

// formatToParts itself costs ~10–20 µs, and the same few hundred session times are formatted on
// every request for the sessions JSON and the programme (a third of a millisecond per request), so
// the result is kept per zone and instant too. Bounded like the formatters: "now" adds new instants.
const wallClockParts = new Map<string, { date: string; time: string }>();

function parts(instant: Date, zone: string) {
  return cachedValue(wallClockParts, `${zone} ${instant.getTime()}`, () => formatParts(instant, zone), 20_000);
}

function formatParts(instant: Date, zone: string) {
  const formatted = cachedValue(
    wallClockFormats,
    zone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).formatToParts(instant);
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
  const name = cachedValue(offsetFormats, zone, () => new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' }))
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
