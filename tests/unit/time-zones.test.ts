import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatTimeWithZone } from '@/lib/format/datetime';
import { addDays, isValidTimeZone, localDate, localTime, offsetLabel, zonedToUtc } from '@/lib/time/zones';

describe('time zones', () => {
  it('shows a 09:00 Asia/Shanghai session at 10:00 in Tokyo and 08:00 in Bangkok', () => {
    const start = zonedToUtc('2026-12-24', '09:00', 'Asia/Shanghai');
    expect(start.toISOString()).toBe('2026-12-24T01:00:00.000Z');
    expect(localTime(start, 'Asia/Tokyo')).toBe('10:00');
    expect(localTime(start, 'Asia/Seoul')).toBe('10:00');
    expect(localTime(start, 'Asia/Bangkok')).toBe('08:00');
    expect(formatTimeWithZone(start, 'Asia/Bangkok', 'Bangkok')).toBe('08:00 Bangkok, GMT+7');
  });

  it('puts day boundaries in the venue zone', () => {
    const lateInBangkok = zonedToUtc('2026-12-24', '23:30', 'Asia/Bangkok');
    expect(localDate(lateInBangkok, 'Asia/Bangkok')).toBe('2026-12-24');
    expect(localDate(lateInBangkok, 'Asia/Tokyo')).toBe('2026-12-25');
  });

  it('labels offsets, including half hours and daylight saving', () => {
    const instant = new Date('2026-07-01T00:00:00Z');
    expect(offsetLabel(instant, 'Asia/Shanghai')).toBe('GMT+8');
    expect(offsetLabel(instant, 'Asia/Yangon')).toBe('GMT+6:30');
    expect(offsetLabel(instant, 'Australia/Sydney')).toBe('GMT+10');
    expect(offsetLabel(new Date('2026-12-01T00:00:00Z'), 'Australia/Sydney')).toBe('GMT+11');
  });

  it('validates IANA zone names', () => {
    expect(isValidTimeZone('Asia/Bangkok')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });

  it('round-trips any wall-clock time in the forum zones', () => {
    const zones = ['Asia/Shanghai', 'Asia/Tokyo', 'Asia/Seoul', 'Asia/Bangkok', 'Asia/Yangon'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
        (dayOffset, hour, minute, zone) => {
          const date = addDays('2025-01-01', dayOffset);
          const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const instant = zonedToUtc(date, time, zone);
          return localDate(instant, zone) === date && localTime(instant, zone) === time;
        },
      ),
    );
  });
});
