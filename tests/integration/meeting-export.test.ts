// The organisers' meetings CSV line by line (the slot on its venue's clock with the zone named, both
// people, the table, the listing, the outcome, on site or online; formula-safe text), and the outcome
// either side of an accepted meeting records (the last answer stands; nobody else's, nor a meeting
// not accepted).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings, venues } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { exportMeetingsCsv } from '@/lib/meetings/admin/export';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { answerMeeting } from '@/lib/meetings/answer-meeting';
import { recordMeetingOutcome } from '@/lib/meetings/record-outcome';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person, registeredId, venueBySlug } from '../helpers/registration';
import { fieldsOf } from '../helpers/results';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let bangkok: { id: string; name: string };
let slotId: string;
let accepted: string;
let pendingOnline: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.meeting-export@forum.test', { eventSlug: EVENT, role: 'organiser' });
  const venueId = (await venueBySlug(t.db, 'bangkok')).id;
  const [venue] = await t.db.select().from(venues).where(eq(venues.id, venueId));
  bangkok = { id: venueId, name: venue!.name.en! };
  const saved = await createMeetingSlot(t.db, organiser, EVENT, {
    venueId,
    label: 'Export block',
    date: '2026-12-30',
    start: '09:00',
    end: '09:30',
    tables: 2,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  slotId = saved.id;
  const people: [string, string, string, string][] = [
    ['ex-a', '=SUM(A1)', 'Chulalongkorn, Bangkok', 'TH'],
    ['ex-b', 'Nguyen Lan', 'VAST', 'VN'],
    ['ex-c', 'Chen Wei', 'GXU', 'CN'],
    ['ex-d', 'Siti', 'UM', 'MY'],
  ];
  for (const [tag, name, organisation, country] of people) {
    ids[tag] = await registeredId(t.db, person(tag, { venue: 'bangkok', email: `${tag}@example.org`, name, organisation, country }), now);
    expect((await saveMatchmakingProfile(t.db, ids[tag]!, { sectors: ['big-health'], interests: '' })).ok).toBe(true);
  }
  const ask = async (from: string, to: string, online: boolean) => {
    const r = await requestMeeting(t.db, ids[from]!, { with: `person:${ids[to]}`, slotId, message: '', online }, { now });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.id;
  };
  accepted = await ask('ex-a', 'ex-b', false);
  expect((await answerMeeting(t.db, ids['ex-b']!, accepted, 'accept', { now })).ok).toBe(true);
  pendingOnline = await ask('ex-c', 'ex-d', true);
});
afterAll(() => t?.close());

describe('the meetings CSV', () => {
  it('has one line a meeting, the time on the venue’s clock with its zone, formula-safe text, and its own file name', async () => {
    expect(await recordMeetingOutcome(t.db, ids['ex-a']!, accepted, 'mou')).toEqual({ ok: true });
    const csv = await exportMeetingsCsv(t.db, organiser, EVENT);
    expect(csv.filename).toBe(`${EVENT}-meetings.csv`);
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFslot,venue,date,start,end,time_zone,status,table,requester,requester_organisation,requester_country,invitee,invitee_organisation,invitee_country,listing,outcome,mode',
    );
    expect(lines.at(-1)).toBe('');
    const expected = {
      [accepted]: `Export block,${bangkok.name},2026-12-30,09:00,09:30,Asia/Bangkok,accepted,1,'=SUM(A1),"Chulalongkorn, Bangkok",TH,Nguyen Lan,VAST,VN,,mou,on-site`,
      [pendingOnline]: `Export block,${bangkok.name},2026-12-30,09:00,09:30,Asia/Bangkok,pending,,Chen Wei,GXU,CN,Siti,UM,MY,,,online`,
    };
    // Both were asked at the same instant: the meeting's id settles their order, the same on every export.
    const byId = [accepted, pendingOnline].sort();
    expect(lines.filter((line) => line.startsWith('Export block,'))).toEqual(byId.map((id) => expected[id]));
  });
});

describe('a meeting’s outcome', () => {
  it('is recorded by either of its two people, the last answer standing', async () => {
    expect(await recordMeetingOutcome(t.db, ids['ex-b']!, accepted, 'follow-up')).toEqual({ ok: true });
    expect((await t.db.select().from(meetings).where(eq(meetings.id, accepted)))[0]!.outcome).toBe('follow-up');
    expect(await recordMeetingOutcome(t.db, ids['ex-a']!, accepted, 'none')).toEqual({ ok: true });
    expect((await t.db.select().from(meetings).where(eq(meetings.id, accepted)))[0]!.outcome).toBe('none');
  });

  it('refuses an outcome not offered, someone else’s meeting and a meeting not accepted, changing nothing', async () => {
    expect(fieldsOf(await recordMeetingOutcome(t.db, ids['ex-a']!, accepted, 'contract'))).toEqual({ outcome: 'meetingOutcome' });
    const notYours = { ok: false, code: 'not-found', error: 'No such accepted meeting for you' };
    expect(await recordMeetingOutcome(t.db, ids['ex-c']!, accepted, 'mou')).toEqual(notYours);
    expect(await recordMeetingOutcome(t.db, ids['ex-c']!, pendingOnline, 'mou')).toEqual(notYours);
    const outcomes = (await t.db.select().from(meetings)).filter((m) => m.id === accepted || m.id === pendingOnline);
    expect(Object.fromEntries(outcomes.map((m) => [m.id, m.outcome]))).toEqual({ [accepted]: 'none', [pendingOnline]: null });
  });
});
