// The organisers' meeting figures, computed from the slots and meetings the overview read: counts by
// status and outcome, the tables offered (none at the online venue) and taken, accepted meetings by
// country pair (most first, then alphabetical), by day on the venue's clock (in date order), by
// venue and by sector.
import { describe, expect, it } from 'vitest';
import { meetingStats, type MeetingRow, type SlotRow } from '@/lib/meetings/admin/overview';

const bangkok = { venueId: 'v-bkk', venueName: { en: 'Bangkok' }, venueCity: { en: 'Bangkok' }, zone: 'Asia/Bangkok' };
const online = { venueId: 'v-online', venueName: { en: 'Online' }, venueCity: { en: 'Online' }, zone: 'Asia/Shanghai' };

function slot(id: string, place: typeof bangkok, startsAt: string, tables: number, tablesTaken: number, isOnline = false): SlotRow {
  const start = new Date(startsAt);
  return { id, label: id, ...place, startsAt: start, endsAt: new Date(start.getTime() + 1_800_000), tables, tablesTaken, online: isOnline };
}

let n = 0;
function meeting(slotId: string, status: MeetingRow['status'], countries: [string, string], extra: Partial<MeetingRow> = {}): MeetingRow {
  n += 1;
  return {
    id: `m${n}`,
    status,
    tableNo: null,
    online: false,
    outcome: null,
    slotId,
    requester: { name: `R${n}`, organisation: '', country: countries[0] },
    invitee: { name: `I${n}`, organisation: '', country: countries[1] },
    listingTitle: null,
    sector: null,
    createdAt: new Date('2026-12-01T00:00:00Z'),
    ...extra,
  };
}

describe('the meeting figures', () => {
  // 23:30 UTC on the 28th is 06:30 on the 29th in Bangkok: the day is the venue's.
  const slots = [
    slot('s1', bangkok, '2026-12-28T23:30:00Z', 4, 2),
    slot('s2', bangkok, '2026-12-28T03:00:00Z', 2, 1),
    slot('s3', online, '2026-12-29T02:00:00Z', 9, 0, true),
  ];
  // In an order that is not the answer's: the figures sort, not the input.
  const list = [
    meeting('s1', 'accepted', ['VN', 'CN'], { outcome: 'mou', sector: 'agriculture' }),
    meeting('s2', 'accepted', ['TH', 'CN'], { outcome: 'mou', sector: 'big-health' }),
    meeting('s1', 'accepted', ['CN', 'TH'], { outcome: 'follow-up', sector: 'big-health' }),
    meeting('gone', 'accepted', ['SG', 'MM']),
    meeting('s3', 'accepted', ['LA', 'KH'], { online: true, outcome: 'none' }),
    meeting('s3', 'accepted', ['CN', 'VN'], { online: true }),
    meeting('s2', 'pending', ['TH', 'TH']),
    meeting('s2', 'declined', ['TH', 'MY'], { outcome: 'elsewhere' }),
    meeting('s1', 'cancelled', ['ID', 'PH'], { outcome: 'mou' }),
  ];
  // Computed inside each test, so that StrykerJS's per-test coverage sees the tests reach it.
  const stats = () => meetingStats(slots, list);

  it('counts every meeting by status, and by each known outcome whatever its status', () => {
    expect(stats().byStatus).toEqual({ pending: 1, accepted: 6, declined: 1, cancelled: 1 });
    expect(stats().byOutcome).toEqual({ mou: 3, 'follow-up': 1, none: 1 });
  });

  it('offers the tables of on-site times only, and counts those taken', () => {
    expect([stats().tables, stats().tablesTaken]).toEqual([6, 3]);
    expect(stats().byVenue).toEqual([
      { venueId: 'v-bkk', venueName: { en: 'Bangkok' }, meetings: 3, tables: 6, tablesTaken: 3, online: false },
      { venueId: 'v-online', venueName: { en: 'Online' }, meetings: 2, tables: 0, tablesTaken: 0, online: true },
    ]);
  });

  it('pairs the countries of accepted meetings alphabetically, most frequent first, then by name', () => {
    expect(stats().countryPairs).toEqual([
      { pair: 'CN–TH', count: 2 },
      { pair: 'CN–VN', count: 2 },
      { pair: 'KH–LA', count: 1 },
      { pair: 'MM–SG', count: 1 },
    ]);
  });

  it('counts accepted meetings by the local day of their time, in date order, and by sector', () => {
    expect(stats().byDay).toEqual([
      { day: '2026-12-28', count: 1 },
      { day: '2026-12-29', count: 4 },
    ]);
    expect(stats().bySector).toEqual([
      { sector: 'unspecified', count: 3 },
      { sector: 'big-health', count: 2 },
      { sector: 'agriculture', count: 1 },
    ]);
  });

  it('nothing at all counts nothing', () => {
    expect(meetingStats([], [])).toEqual({
      byStatus: { pending: 0, accepted: 0, declined: 0, cancelled: 0 },
      byOutcome: { mou: 0, 'follow-up': 0, none: 0 },
      tables: 0,
      tablesTaken: 0,
      countryPairs: [],
      byDay: [],
      byVenue: [],
      bySector: [],
    });
  });
});
