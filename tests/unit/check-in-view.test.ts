// What the check-in desk shows for each scan outcome: tone, person, venue, time in the venue's zone,
// and nothing at all about the holder of another venue's ticket.
import { describe, expect, it } from 'vitest';
import type { CheckInPerson } from '@/lib/checkin/check-in';
import { describeCheckIn } from '@/lib/checkin/describe';

const atBangkok: CheckInPerson = {
  registrationId: '00000000-0000-4000-8000-000000000001',
  name: 'Somchai',
  organisation: 'NSTDA',
  country: 'th',
  participantType: 'researcher',
  shortCode: 'K7M29XQA',
  venue: { slug: 'bangkok', name: { en: 'Bangkok Hall', zh: '曼谷会场' }, timeZone: 'Asia/Bangkok' },
};
const online: CheckInPerson = { ...atBangkok, name: 'Lan', venue: null };
const at = new Date('2026-12-24T01:30:00Z');
const nobody = { registrationId: null, shortCode: null, name: null, organisation: null, venue: null, at: null, by: null, status: null };

describe('describeCheckIn', () => {
  it('an admitted person: ok, with the time in the venue’s zone, the venue in the desk’s language and the printed short code', () => {
    expect(describeCheckIn({ outcome: 'checked-in', person: atBangkok, at }, 'zh')).toEqual({
      tone: 'ok',
      outcome: 'checked-in',
      registrationId: atBangkok.registrationId,
      shortCode: 'K7M2-9XQA',
      name: 'Somchai',
      organisation: 'NSTDA',
      venue: '曼谷会场',
      at: '2026-12-24 08:30 GMT+7',
      by: null,
      status: null,
    });
  });

  it('a second scan: warn, with the first admission’s time (venue zone) and desk', () => {
    expect(describeCheckIn({ outcome: 'already', person: atBangkok, at, by: 'Desk 2' }, 'en')).toMatchObject({
      tone: 'warn',
      outcome: 'already',
      name: 'Somchai',
      venue: 'Bangkok Hall',
      at: '2026-12-24 08:30 GMT+7',
      by: 'Desk 2',
    });
  });

  it('another venue’s ticket names nobody; a registration not admitted is bad, with its status', () => {
    expect(describeCheckIn({ outcome: 'other-venue' }, 'en')).toEqual({ tone: 'bad', outcome: 'other-venue', ...nobody });
    expect(describeCheckIn({ outcome: 'not-admitted', person: online, status: 'online' }, 'en')).toMatchObject({
      tone: 'bad',
      outcome: 'not-admitted',
      name: 'Lan',
      venue: null,
      at: null,
      status: 'online',
    });
  });

  it('an unknown code: bad, and nobody named', () => {
    expect(describeCheckIn({ outcome: 'unknown-code' }, 'en')).toEqual({ tone: 'bad', outcome: 'unknown-code', ...nobody });
  });
});
