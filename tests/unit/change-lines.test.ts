// The lines a programme-change mail lists, and the words of a speaker's change mail: exact text, in
// the reader's language, each session in the zone and place of the venue it happens at.
import { describe, expect, it } from 'vitest';
import type { PublicAgenda } from '@/lib/agenda/public-agenda';
import { changeLine } from '@/lib/agenda/publish/change-lines';
import type { AgendaChange } from '@/lib/agenda/publish/diff';
import { speakerScheduleText } from '@/lib/agenda/publish/speaker-schedule-text';

const text = (en: string, zh: string) => ({ en, zh });
const agenda = {
  event: { timeZone: 'Asia/Shanghai' },
  venues: [
    { id: 'nn', name: text('Convention Centre', '会展中心') },
    { id: 'bk', name: text('Bangkok Hall', '曼谷会场') },
  ],
  rooms: [{ id: 'r1', name: text('Hall 1', '一号厅') }],
  sessions: [
    { id: 's1', title: text('Opening', '开幕式'), venueId: 'nn' },
    { id: 's2', title: text('Keynote', '主旨演讲'), venueId: 'bk' },
  ],
  speakers: [],
} as unknown as PublicAgenda;
const zones: Record<string, { zone: string; place: string }> = {
  nn: { zone: 'Asia/Shanghai', place: 'Nanning' },
  bk: { zone: 'Asia/Bangkok', place: 'Bangkok' },
  '': { zone: 'UTC', place: 'nowhere' },
};
const zoneFor = (venueId: string) => zones[venueId]!;
const was = { startsAt: '2026-09-14T01:00:00Z', endsAt: '2026-09-14T02:00:00Z' };
const line = (change: AgendaChange, locale: 'en' | 'zh' = 'en') => changeLine(change, agenda, locale, zoneFor);

describe('changeLine', () => {
  it('a move names the session and says where and when it is now and was, each in its venue’s zone', () => {
    const moved = line({
      kind: 'moved',
      sessionId: 's1',
      was: { ...was, venueId: 'nn' },
      now: { startsAt: '2026-09-14T03:00:00Z', endsAt: '2026-09-14T04:00:00Z', venueId: 'bk' },
    });
    expect(moved).toMatch(/^Moved: Opening\. Now .*10:00.*11:00.*Bangkok.*\(was .*09:00.*10:00.*Nanning.*\)\.$/);
  });

  it('a cancellation names the session and when it was, at its venue', () => {
    expect(line({ kind: 'cancelled', sessionId: 's2', was })).toMatch(/^Cancelled: Keynote \(was .*08:00.*09:00.*Bangkok.*\)\.$/);
  });

  it('a session no longer in the programme is named by its id', () => {
    expect(line({ kind: 'cancelled', sessionId: 'gone', was })).toMatch(/^Cancelled: gone \(was .*01:00.*nowhere.*\)\.$/);
  });

  it('a room change names the new room and the venue, in the reader’s language', () => {
    expect(line({ kind: 'room-changed', sessionId: 's1', was: { roomId: null }, now: { roomId: 'r1' } })).toBe(
      'Room changed: Opening. Now in Hall 1, Convention Centre.',
    );
    expect(line({ kind: 'room-changed', sessionId: 's1', was: { roomId: 'r1' }, now: { roomId: null } })).toBe(
      'Room changed: Opening. Now in Convention Centre.',
    );
    // The venue is the session's own, not the first one listed.
    expect(line({ kind: 'room-changed', sessionId: 's2', was: { roomId: null }, now: { roomId: 'r1' } })).toBe(
      'Room changed: Keynote. Now in Hall 1, Bangkok Hall.',
    );
    expect(line({ kind: 'room-changed', sessionId: 'gone', was: { roomId: null }, now: { roomId: 'r1' } })).toBe(
      'Room changed: gone. Now in Hall 1.',
    );
    expect(line({ kind: 'room-changed', sessionId: 's1', was: { roomId: null }, now: { roomId: 'r1' } }, 'zh')).toContain('开幕式');
    expect(line({ kind: 'room-changed', sessionId: 's1', was: { roomId: null }, now: { roomId: 'r1' } }, 'zh')).toContain(
      '一号厅, 会展中心',
    );
  });

  it('new sessions and changed details get no line (they are not mailed)', () => {
    expect(line({ kind: 'added', sessionId: 's1' })).toBeNull();
    expect(line({ kind: 'details-changed', sessionId: 's1' })).toBeNull();
  });
});

describe('speakerScheduleText', () => {
  it('has every part of the mail, with the speaker’s and the forum’s names', () => {
    expect(speakerScheduleText('en', 'Tech Forum', 'Li Wei')).toEqual({
      subject: 'Your programme changed',
      greeting: 'Dear Li Wei,',
      lead: 'The organisers published a new version of the programme. These changes affect sessions you speak at:',
      portal: 'See your full schedule',
      calendar: 'The attached calendar file updates these sessions in your calendar.',
      footer: 'You receive this mail as a speaker at Tech Forum.',
    });
    const zh = speakerScheduleText('zh', '科技论坛', '李伟');
    expect(zh.greeting).toContain('李伟');
    expect(zh.footer).toContain('科技论坛');
    expect(zh.subject).not.toBe('Your programme changed');
  });
});
