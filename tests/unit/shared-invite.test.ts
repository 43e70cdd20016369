// lib/calendar/shared-invite.ts writes a registrant's invite once per shape and fills each registrant's
// values in: every answer must be byte for byte registrationInvite's, and a wave of registrants of one
// shape must cost one write.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type InviteParty, type InviteSession, registrationInvite } from '@/lib/calendar/registration-invite';
import { sharedInviteCounts, sharedRegistrationInvite } from '@/lib/calendar/shared-invite';

const NAMES = [
  'Nguyễn Thị An',
  'O\'Brien "The Builder" ^ Sons',
  'สมชาย ใจดี',
  '王小明',
  '',
  'A name long enough that its ATTENDEE line is folded more than once by the writer, Jr.',
  'Tab\there, line\nbreak',
  'semi;colon, comma: colon',
];
const EMAILS = ['an@example.org', "o'brien+forum@sub.example.co.th", 'x@y'];

function session(n: number, overrides: Partial<InviteSession> = {}): InviteSession {
  return {
    sessionId: `00000000-0000-4000-8000-00000000000${n}`,
    title: ['Opening Ceremony', '10+3 青年科学家论坛：数字技术与大健康的未来合作方向与技术转移机制', 'การประชุม; "พิเศษ", ครั้งที่ 10'][n % 3]!,
    description: 'Keynotes, then the MoU signings.\nBring your badge; doors close at 08:45, sharp.',
    startsAt: new Date(Date.UTC(2027, 0, 4, 1 + n)),
    endsAt: new Date(Date.UTC(2027, 0, 4, 2 + n)),
    location: 'Nanning International Convention & Exhibition Centre, Hall 1',
    url: `https://forum.example/events/caf/sessions/s-${n}`,
    tentative: n === 2,
    ...overrides,
  };
}

function party(n: number, sequence: number): InviteParty {
  return {
    uidPrefix: randomUUID(),
    sequence,
    attendee: { name: NAMES[n % NAMES.length]!, email: EMAILS[n % EMAILS.length]! },
    organizer: { name: 'China-ASEAN "Tech" Forum', email: 'noreply@forum.example' },
  };
}

describe('shared registrant invites', () => {
  it('answer exactly what registrationInvite writes, for names, addresses, sequences and times that differ', async () => {
    const before = sharedInviteCounts();
    const shapes = [[session(0)], [session(1), session(2)], [session(2, { tentative: false })]];
    let calls = 0;
    for (const sessions of shapes)
      for (const method of ['REQUEST', 'CANCEL'] as const)
        for (let n = 0; n < 24; n++) {
          const who = party(n, n % 3);
          const stamp = Date.UTC(2026, 11, 4, 8, n, n * 2) + n * 7;
          const [shared, direct] = [
            await sharedRegistrationInvite(who, sessions, method, stamp),
            registrationInvite(who, sessions, method, stamp),
          ];
          expect(shared).toBe(direct);
          expect(shared).toContain(`UID:${who.uidPrefix}-`);
          calls += 1;
        }
    const after = sharedInviteCounts();
    // One shape per sessions and method: its first registrant written directly, the shape once; the rest filled in.
    expect(after.direct - before.direct).toBe(6);
    expect(after.shared - before.shared).toBe(6);
    expect(calls).toBe(144);
  });

  it('writes directly what it cannot share, so a refused address still fails, and a speaker’s own SEQUENCE still counts', async () => {
    const bad = { ...party(0, 1), attendee: { name: 'X', email: 'not an address' } };
    expect(() => registrationInvite(bad, [session(0)], 'REQUEST')).toThrow();
    await expect(sharedRegistrationInvite(bad, [session(0)], 'REQUEST')).rejects.toThrow();

    const own = [session(0, { sequence: 41 })];
    const stamp = Date.UTC(2026, 11, 4);
    for (let n = 0; n < 3; n++) {
      const who = party(n, 2);
      const shared = await sharedRegistrationInvite(who, own, 'REQUEST', stamp);
      expect(shared).toBe(registrationInvite(who, own, 'REQUEST', stamp));
      expect(shared).toContain('SEQUENCE:41');
    }
    const speaker = { ...party(1, 0), uidPrefix: null };
    expect(await sharedRegistrationInvite(speaker, [session(0)], 'REQUEST', stamp)).toBe(
      registrationInvite(speaker, [session(0)], 'REQUEST', stamp),
    );
  });

  it('stamps each copy with its own time, not the time its shape was written', async () => {
    const sessions = [session(1)];
    await sharedRegistrationInvite(party(1, 0), sessions, 'REQUEST', Date.UTC(2026, 0, 1));
    await sharedRegistrationInvite(party(2, 0), sessions, 'REQUEST', Date.UTC(2026, 0, 2));
    const later = await sharedRegistrationInvite(party(3, 5), sessions, 'REQUEST', Date.UTC(2026, 6, 9, 10, 11, 12));
    expect(later).toContain('\r\nDTSTAMP:20260709T101112Z\r\n');
    expect(later).toContain('\r\nSEQUENCE:5\r\n');
    expect(later).not.toContain('20260101T');
    const now = await sharedRegistrationInvite(party(4, 0), sessions, 'REQUEST');
    const stamp = /\r\nDTSTAMP:(\d{8}T\d{6}Z)\r\n/.exec(now)![1]!;
    expect(Math.abs(Date.parse(stamp.replace(/(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z/, '$1-$2-$3T$4:$5:$6Z')) - Date.now())).toBeLessThan(
      5_000,
    );
  });
});
