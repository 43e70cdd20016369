import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSpan, zonePlace } from '@/lib/format/datetime';
import { localDate } from '@/lib/time/zones';

// What a reader can do with a printed time, done by a machine: read the date, the wall-clock time and
// the offset, and arrive at the instant. For any instant, venue zone and viewer zone.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SPAN =
  /^(?:\w{3}, (\d{1,2}) (\w{3,4}) (\d{4}) · )?(\d{2}):(\d{2})–(\d{2}):(\d{2})(?: \(\+(\d+)\))? (.+), (GMT(?:[+-]\d{1,2}(?::\d{2})?)?)(?: → (GMT(?:[+-]\d{1,2}(?::\d{2})?)?))?$/;

function offsetMinutes(label: string): number {
  const m = /^GMT(?:([+-])(\d{1,2})(?::(\d{2}))?)?$/.exec(label)!;
  if (!m[1]) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The instants a printed span names; `headingDay` (YYYY-MM-DD) is the date a heading gives when the span has none. */
function readSpan(text: string, headingDay: string): { start: number; end: number; place: string } {
  const m = SPAN.exec(text);
  if (!m) throw new Error(`unreadable: ${text}`);
  const [, day, month, year, sh, sm, eh, em, plusDays, place, offset, endOffset] = m;
  const [y, mo, d] = day
    ? [Number(year), MONTHS.indexOf(month!.slice(0, 3)), Number(day)]
    : headingDay.split('-').map((n, i) => Number(n) - (i === 1 ? 1 : 0));
  const start = Date.UTC(y!, mo!, d!, Number(sh), Number(sm)) - offsetMinutes(offset!) * 60_000;
  const end = Date.UTC(y!, mo!, d! + Number(plusDays ?? 0), Number(eh), Number(em)) - offsetMinutes(endOffset ?? offset!) * 60_000;
  return { start, end, place: place! };
}

const zones = Intl.supportedValuesOf('timeZone');
const zone = fc.constantFrom(...zones, 'UTC');
// Whole minutes from 1990 to 2100 (older dates have offsets in seconds, which no venue uses).
const instant = fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2100, 0, 1) / 60_000 }).map((m) => new Date(m * 60_000));
const duration = fc.integer({ min: 5, max: 48 * 60 }).map((m) => m * 60_000);

describe('every printed time reads back to its instant', () => {
  it('a span with no heading carries its date, times and offset: date + time + zone label give back start and end', () => {
    fc.assert(
      fc.property(instant, duration, zone, (start, length, venueZone) => {
        const end = new Date(start.getTime() + length);
        const text = formatSpan(start, end, venueZone, zonePlace(venueZone), 'en');
        const read = readSpan(text, 'no heading');
        expect(read.start, text).toBe(start.getTime());
        expect(read.end, text).toBe(end.getTime());
      }),
      { numRuns: 2_000 },
    );
  });

  it('a viewer’s time under a venue’s day heading carries its own date whenever it is another day, so it reads back to the same instant', () => {
    fc.assert(
      fc.property(instant, duration, zone, zone, (start, length, venueZone, viewerZone) => {
        const end = new Date(start.getTime() + length);
        const heading = localDate(start, venueZone);
        const text = formatSpan(start, end, viewerZone, viewerZone, 'en', heading);
        const read = readSpan(text, heading);
        expect(read.start, `${heading} / ${text}`).toBe(start.getTime());
        expect(read.end, `${heading} / ${text}`).toBe(end.getTime());
      }),
      { numRuns: 2_000 },
    );
  });

  it('the programme case: 17:00 in Los Angeles under a Nanning heading of Wed 30 Dec says Tue 29 Dec', () => {
    const start = new Date('2026-12-30T01:00:00Z');
    const end = new Date('2026-12-30T01:45:00Z');
    expect(formatSpan(start, end, 'America/Los_Angeles', 'America/Los_Angeles', 'en', '2026-12-30')).toBe(
      'Tue, 29 Dec 2026 · 17:00–17:45 America/Los_Angeles, GMT-8',
    );
    expect(formatSpan(start, end, 'Asia/Shanghai', 'Nanning', 'en', '2026-12-30')).toBe('09:00–09:45 Nanning, GMT+8');
  });
});
