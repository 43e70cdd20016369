import { localDate, localTime, offsetLabel } from '@/lib/time/zones';

/** "2026-12-24 09:30 GMT+8": an instant in a zone, with the offset named, for tables and desk answers. */
export function eventTimestamp(instant: Date | null, zone: string): string {
  return instant ? `${localDate(instant, zone)} ${localTime(instant, zone)} ${offsetLabel(instant, zone)}` : '—';
}
