// What the check-in desk shows for each scan outcome: tone, person, venue and time in the venue's zone.
import { describe, expect, it } from 'vitest';
import type { CheckInPerson } from '@/lib/checkin/check-in';
import { describeCheckIn } from '@/lib/checkin/describe';

const atBangkok: CheckInPerson = {
  name: 'Somchai',
  organisation: 'NSTDA',
  country: 'th',
  participantType: 'researcher',
  venue: { slug: 'bangkok', name: { en: 'Bangkok Hall', zh: '曼谷会场' }, timeZone: 'Asia/Bangkok' },
};
const online: CheckInPerson = { ...atBangkok, name: 'Lan', venue: null };
const at = new Date('2026-12-24T01:30:00Z');

describe('describeCheckIn', () => {
  it('an admitted person: ok, with the time in the venue’s zone and the venue in the desk’s language', () => {
    expect(describeCheckIn({ outcome: 'checked-in', person: atBangkok, at }, 'zh')).toEqual({
      tone: 'ok',
      outcome: 'checked-in',
      name: 'Somchai',
      organisation: 'NSTDA',
      venue: '曼谷会场',
      at: '2026-12-24 08:30 GMT+7',
      status: null,
    });
  });

  it('a second scan: warn, with the first admission’s time', () => {
    expect(describeCheckIn({ outcome: 'already', person: atBangkok, at }, 'en')).toEqual({
      tone: 'warn',
      outcome: 'already',
      name: 'Somchai',
      organisation: 'NSTDA',
      venue: 'Bangkok Hall',
      at: '2026-12-24 08:30 GMT+7',
      status: null,
    });
  });

  it('another venue’s registrant and a registration not admitted: bad, without a time; only the latter has a status', () => {
    expect(describeCheckIn({ outcome: 'other-venue', person: atBangkok }, 'en')).toEqual({
      tone: 'bad',
      outcome: 'other-venue',
      name: 'Somchai',
      organisation: 'NSTDA',
      venue: 'Bangkok Hall',
      at: null,
      status: null,
    });
    expect(describeCheckIn({ outcome: 'not-admitted', person: online, status: 'online' }, 'en')).toEqual({
      tone: 'bad',
      outcome: 'not-admitted',
      name: 'Lan',
      organisation: 'NSTDA',
      venue: null,
      at: null,
      status: 'online',
    });
  });

  it('an unknown code: bad, and nobody named', () => {
    expect(describeCheckIn({ outcome: 'unknown-code' }, 'en')).toEqual({
      tone: 'bad',
      outcome: 'unknown-code',
      name: null,
      organisation: null,
      venue: null,
      at: null,
      status: null,
    });
  });
});
