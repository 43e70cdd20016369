// A participant's meetings outside the meetings page: in their personal calendar feed (the UID of the
// meeting's own file; accepted SEQUENCE 0, cancelled after acceptance STATUS:CANCELLED SEQUENCE 1, a
// request withdrawn while pending not at all), and as JSON at
// /api/v1/me/{token}/meetings for the feed's token only: never for a forged or foreign token.
import { NextRequest } from 'next/server';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as feedGet } from '@/app/api/v1/me/[token]/calendar.ics/route';
import { GET as meetingsGet } from '@/app/api/v1/me/[token]/meetings/route';
import type { Actor } from '@/lib/auth/sessions';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { answerMeeting } from '@/lib/meetings/answer-meeting';
import { meetingCalendarFile } from '@/lib/meetings/meeting-calendar-file';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { registrationFeedUrl } from '@/lib/registration/feed-token';
import { manageUrl } from '@/lib/registration/manage-token';
import { registerAttendee } from '@/lib/registration/register';
import { signIds } from '@/lib/security/signed-ids';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let slotId: string;
let alice: string;
let bob: string;
let carol: string;

async function participant(tag: string): Promise<string> {
  const r = await registerAttendee(
    t.db,
    EVENT,
    person(tag, { mode: 'in_person', venue: 'bangkok', email: `${tag}@example.org`, name: `Person ${tag}`, organisation: `Org ${tag}` }),
    { now },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  expect((await saveMatchmakingProfile(t.db, r.registration.id, { sectors: ['big-health'], interests: 'diagnostics' })).ok).toBe(true);
  return r.registration.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.feed@forum.test', { eventSlug: EVENT, role: 'organiser' });
  const saved = await createMeetingSlot(t.db, organiser, EVENT, {
    venueId: (await venueBySlug(t.db, 'bangkok')).id,
    label: 'Feed block',
    date: '2026-12-27',
    start: '14:00',
    end: '14:30',
    tables: 3,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  slotId = saved.id;
  [alice, bob, carol] = [await participant('feed-alice'), await participant('feed-bob'), await participant('feed-carol')];
});
afterAll(() => t?.close());

const feedToken = (id: string) => registrationFeedUrl(id).split('/').at(-2)!;
const ctx = (token: string) => ({ params: Promise.resolve({ token }) });
const req = (path: string) => new NextRequest(`http://localhost${path}`);

async function feedEvents(id: string) {
  const response = await feedGet(req('/feed'), ctx(feedToken(id)));
  expect(response.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  return calendar.getAllSubcomponents('vevent').map((v) => ({
    uid: String(v.getFirstPropertyValue('uid')),
    sequence: Number(v.getFirstPropertyValue('sequence')),
    status: String(v.getFirstPropertyValue('status')),
    start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    summary: String(v.getFirstPropertyValue('summary')),
  }));
}
const meetingEntries = async (id: string) => (await feedEvents(id)).filter((e) => e.uid.startsWith('meeting-'));

async function apiMeetings(token: string) {
  const response = await meetingsGet(req('/me'), ctx(token));
  return { status: response.status, body: await response.json() };
}

describe('meetings in the personal feed and the API', () => {
  it('appear in both people’s feeds once accepted, with the meeting file’s UID, and go CANCELLED with a higher SEQUENCE', async () => {
    const asked = await requestMeeting(t.db, alice, { with: `person:${bob}`, slotId, message: 'hello', online: '' }, { now });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const uid = `meeting-${asked.id}@hybrid-forum`;
    // A pending request is in no calendar.
    expect(await meetingEntries(alice)).toEqual([]);
    expect(await meetingEntries(bob)).toEqual([]);

    expect(await answerMeeting(t.db, bob, asked.id, 'accept', { now })).toMatchObject({ ok: true, tableNo: 1 });
    for (const id of [alice, bob]) {
      const [entry, ...more] = await meetingEntries(id);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({ uid, sequence: 0, status: 'CONFIRMED', start: '2026-12-27T07:00:00.000Z' }); // 14:00 in Bangkok
    }
    expect((await meetingEntries(alice))[0]!.summary).toContain('Person feed-bob');
    // The same UID as the meeting's own file.
    const file = await meetingCalendarFile(t.db, manageUrl(alice).split('/').at(-1)!, asked.id);
    expect(file.ok && file.body).toContain(`UID:${uid}`);
    expect(await meetingEntries(carol)).toEqual([]);

    expect(await answerMeeting(t.db, alice, asked.id, 'cancel', { now })).toMatchObject({ ok: true });
    for (const id of [alice, bob]) expect(await meetingEntries(id)).toMatchObject([{ uid, sequence: 1, status: 'CANCELLED' }]);
  });

  it('answers the caller’s own meetings with times in UTC, the venue zone and the other side, for the feed token only', async () => {
    const asked = await requestMeeting(t.db, carol, { with: `person:${alice}`, slotId, message: 'private note', online: '' }, { now });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    expect(await answerMeeting(t.db, alice, asked.id, 'accept', { now })).toMatchObject({ ok: true });

    const mine = await apiMeetings(feedToken(carol));
    expect(mine.status).toBe(200);
    expect(mine.body.meetings).toEqual([
      {
        id: asked.id,
        direction: 'out',
        status: 'accepted',
        startsAt: '2026-12-27T07:00:00.000Z',
        endsAt: '2026-12-27T07:30:00.000Z',
        slotLabel: 'Feed block',
        venue: { slug: 'bangkok', timeZone: 'Asia/Bangkok' },
        online: false,
        table: expect.any(Number),
        meetingUrl: null,
        outcome: null,
        with: { name: 'Person feed-alice', organisation: 'Org feed-alice', country: expect.any(String) },
      },
    ]);
    expect(JSON.stringify(mine.body)).not.toMatch(/example\.org|private note/);
    // Alice sees both of hers (the cancelled one with Bob too); Bob only the cancelled one, without the table.
    expect((await apiMeetings(feedToken(alice))).body.meetings.map((m: { id: string }) => m.id)).toContain(asked.id);
    const bobs = (await apiMeetings(feedToken(bob))).body.meetings;
    expect(bobs.map((m: { id: string }) => m.id)).not.toContain(asked.id);
    expect(bobs).toMatchObject([{ status: 'cancelled', table: null, meetingUrl: null }]);
  });

  it('is not found for forged, tampered, other-purpose or unknown tokens', async () => {
    const real = feedToken(carol);
    const forged = [
      'nope',
      `${real.slice(0, -2)}${real.endsWith('A') ? 'BB' : 'AA'}`,
      manageUrl(carol).split('/').at(-1)!, // a manage link's token is not a feed token
      signIds('registration-feed', ['00000000-0000-4000-8000-000000000000']), // a well-signed unknown id
      carol, // a bare registration id
    ];
    for (const token of forged) {
      const r = await apiMeetings(token);
      expect(r.status, token).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('feed-');
    }
  });

  it('leaves out a request withdrawn while pending: it was never on a calendar, so it is not sent as cancelled', async () => {
    const dave = await participant('feed-dave');
    const asked = await requestMeeting(t.db, bob, { with: `person:${dave}`, slotId, message: '', online: '' }, { now });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const uid = `meeting-${asked.id}@hybrid-forum`;
    expect(await answerMeeting(t.db, bob, asked.id, 'cancel', { now })).toMatchObject({ ok: true });
    expect(await meetingEntries(dave)).toEqual([]);
    // Bob's feed keeps only the meeting with Alice that was accepted and then cancelled.
    expect((await meetingEntries(bob)).map((e) => e.uid)).not.toContain(uid);
    expect(await meetingEntries(bob)).toMatchObject([{ sequence: 1, status: 'CANCELLED' }]);
    // Nor has it a calendar file of its own.
    expect(await meetingCalendarFile(t.db, manageUrl(dave).split('/').at(-1)!, asked.id)).toMatchObject({ ok: false });
  });
});
