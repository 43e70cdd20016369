// What publishing the programme reports as changed, session by session: the list the change mails
// (cancelled, moved, room changed) and the publish summary are made from.
import { describe, expect, it } from 'vitest';
import type { AgendaSession } from '@/lib/agenda/agenda-session';
import { diffAgenda, NOTIFIED } from '@/lib/agenda/publish/diff';

const base: AgendaSession = {
  id: 's1',
  slug: 'opening',
  title: { en: 'Opening', zh: '开幕' },
  description: { en: 'Welcome' },
  kind: 'plenary',
  segment: 'main',
  startsAt: new Date('2026-12-24T01:00:00Z'),
  endsAt: new Date('2026-12-24T02:00:00Z'),
  venueId: 'v1',
  roomId: 'r1',
  capacity: 100,
  streamed: true,
  hasRecording: false,
  languages: ['en', 'zh'],
  status: 'scheduled',
  revision: 1,
  relays: [{ venueId: 'v2', roomId: null }],
  speakers: [{ speakerId: 'p1', role: 'chair', presence: 'in-person' }],
};
const session = (over: Partial<AgendaSession>): AgendaSession => ({ ...base, ...over });
const was = { startsAt: '2026-12-24T01:00:00.000Z', endsAt: '2026-12-24T02:00:00.000Z' };

describe('diffAgenda', () => {
  it('mails only the changes that alter where or when someone has to be', () => {
    expect(NOTIFIED).toEqual(['cancelled', 'moved', 'room-changed']);
  });

  it('an unchanged session, or one that only got a new revision or status word, is no change', () => {
    expect(diffAgenda([base], [base])).toEqual([]);
    expect(diffAgenda([base], [session({ revision: 7, status: 'changed' })])).toEqual([]);
    // Snapshots come back from jsonb with their keys in another order.
    const reordered = JSON.parse(JSON.stringify({ speakers: base.speakers, relays: base.relays, title: { zh: '开幕', en: 'Opening' } }));
    expect(diffAgenda([base], [session({ ...reordered, startsAt: new Date(base.startsAt), endsAt: new Date(base.endsAt) })])).toEqual([]);
  });

  it('a new session, or one brought back from cancelled, is added; a new cancelled one is nothing', () => {
    expect(diffAgenda([], [base])).toEqual([{ kind: 'added', sessionId: 's1' }]);
    expect(diffAgenda([session({ status: 'cancelled' })], [base])).toEqual([{ kind: 'added', sessionId: 's1' }]);
    expect(diffAgenda([], [session({ status: 'cancelled' })])).toEqual([]);
    expect(diffAgenda([session({ status: 'cancelled' })], [session({ status: 'cancelled', startsAt: new Date(0) })])).toEqual([]);
  });

  it('a cancelled session keeps the times it had', () => {
    expect(diffAgenda([base], [session({ status: 'cancelled', startsAt: new Date('2027-01-01T00:00:00Z') })])).toEqual([
      { kind: 'cancelled', sessionId: 's1', was },
    ]);
  });

  it('a session deleted from the working copy is cancelled for the people who chose it, unless it already was', () => {
    const other = session({ id: 's2', startsAt: new Date('2026-12-24T05:00:00Z'), endsAt: new Date('2026-12-24T06:00:00Z') });
    expect(diffAgenda([base, other], [])).toEqual([
      { kind: 'cancelled', sessionId: 's1', was },
      { kind: 'cancelled', sessionId: 's2', was: { startsAt: '2026-12-24T05:00:00.000Z', endsAt: '2026-12-24T06:00:00.000Z' } },
    ]);
    expect(diffAgenda([session({ status: 'cancelled' })], [])).toEqual([]);
  });

  it('a new start, end or venue is a move, with where and when it was and is', () => {
    const later = { startsAt: new Date('2026-12-24T03:00:00Z'), endsAt: new Date('2026-12-24T04:00:00Z') };
    expect(diffAgenda([base], [session(later)])).toEqual([
      {
        kind: 'moved',
        sessionId: 's1',
        was: { ...was, venueId: 'v1' },
        now: { startsAt: '2026-12-24T03:00:00.000Z', endsAt: '2026-12-24T04:00:00.000Z', venueId: 'v1' },
      },
    ]);
    expect(diffAgenda([base], [session({ startsAt: new Date('2026-12-24T00:30:00Z') })])[0]).toMatchObject({ kind: 'moved' });
    expect(diffAgenda([base], [session({ endsAt: new Date('2026-12-24T02:30:00Z') })])[0]).toMatchObject({
      kind: 'moved',
      now: { endsAt: '2026-12-24T02:30:00.000Z' },
    });
    expect(diffAgenda([base], [session({ venueId: 'v2', roomId: 'r9' })])).toEqual([
      { kind: 'moved', sessionId: 's1', was: { ...was, venueId: 'v1' }, now: { ...was, venueId: 'v2' } },
    ]);
  });

  it('a new room at the same time and venue is a room change', () => {
    expect(diffAgenda([base], [session({ roomId: null })])).toEqual([
      { kind: 'room-changed', sessionId: 's1', was: { roomId: 'r1' }, now: { roomId: null } },
    ]);
  });

  it('anything else that changed (title, speakers, relays, languages, capacity) is a change of details', () => {
    for (const over of [
      { title: { en: 'Opening ceremony' } },
      { speakers: [] },
      { relays: [{ venueId: 'v3', roomId: null }] },
      { languages: ['en'] },
      { capacity: 50 },
      { hasRecording: true },
    ] as Partial<AgendaSession>[]) {
      expect(diffAgenda([base], [session(over)])).toEqual([{ kind: 'details-changed', sessionId: 's1' }]);
    }
  });

  it('lists changes in the order of the new programme, then the deleted sessions', () => {
    const a = session({ id: 'a' });
    const b = session({ id: 'b' });
    const gone = session({ id: 'gone' });
    expect(
      diffAgenda([a, b, gone], [session({ id: 'new' }), { ...b, roomId: 'r2' }, { ...a, capacity: 1 }]).map(
        (c) => `${c.kind} ${c.sessionId}`,
      ),
    ).toEqual(['added new', 'room-changed b', 'details-changed a', 'cancelled gone']);
  });
});
