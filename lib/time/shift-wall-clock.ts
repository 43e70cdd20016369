import { addDays, localDate, localTime, zonedToUtc } from './zones';

const DAY_MS = 86_400_000;

/** Whole calendar days from one YYYY-MM-DD date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/**
 * The instant `days` calendar days later at the same wall-clock time in `zone`. A 09:00 session in
 * Berlin stays at 09:00 when the clone lands on the other side of a daylight-saving change, which
 * adding 24-hour days to the instant would not do.
 */
export function shiftWallClock(instant: Date, zone: string, days: number): Date {
  const shifted = zonedToUtc(addDays(localDate(instant, zone), days), localTime(instant, zone), zone);
  // localTime is minute-precise; the seconds within the minute carry over unchanged.
  return new Date(shifted.getTime() + (((instant.getTime() % 60_000) + 60_000) % 60_000));
}
