// Online 1:1 meetings: who meets online (asked so, an online attendee, a pair at two venues, a time at
// the online venue), that an online meeting takes no table and gets a link, and that the link reaches
// the meeting's two people only: their own meetings pages and the acceptance mail over SMTP, never a
// third person's page, the organisers' page or their CSV.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings, meetingSlots, venues } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { violatedConstraint } from '@/lib/admin/db-errors';
import { seedDemoForum } from '@/lib/demo/seed';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { exportMeetingsCsv } from '@/lib/meetings/admin/export';
import { meetingsOverview } from '@/lib/meetings/admin/overview';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { answerMeeting } from '@/lib/meetings/answer-meeting';
import { MEETING_ROOM_BASE } from '@/lib/meetings/meeting-link';
import { myMeetings } from '@/lib/meetings/my-meetings';
import { participantById } from '@/lib/meetings/participant';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';
import { startSmtpServer } from '../helpers/smtp';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let bangkokId: string;
let onlineVenueId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.online@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokId = (await venueBySlug(t.db, 'bangkok')).id;
  const [online] = await t.db.select({ id: venues.id }).from(venues).where(eq(venues.kind, 'online'));
  onlineVenueId = online!.id;
});
afterAll(() => t?.close());

let slotCount = 0;
async function slot(tables: number, venueId = bangkokId): Promise<string> {
  slotCount += 1;
  const hour = String(8 + slotCount).padStart(2, '0');
  const saved = await createMeetingSlot(t.db, organiser, EVENT, {
    venueId,
    label: `Online block ${slotCount}`,
    date: '2026-12-27',
    start: `${hour}:00`,
    end: `${hour}:30`,
    tables,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return saved.id;
}

type Where = 'bangkok' | 'nanning' | 'online';
async function participant(tag: string, where: Where): Promise<string> {
  const values =
    where === 'online'
      ? person(tag, { mode: 'online', venue: null, email: `${tag}@example.org`, name: `Person ${tag}` })
      : person(tag, { mode: 'in_person', venue: where, email: `${tag}@example.org`, name: `Person ${tag}` });
  const r = await registerAttendee(t.db, EVENT, values, { now });
  if (!r.ok) throw new Error(JSON.stringify(r));
  expect((await saveMatchmakingProfile(t.db, r.registration.id, { sectors: ['big-health'], interests: 'diagnostics' })).ok).toBe(true);
  return r.registration.id;
}

async function ask(from: string, to: string, slotId: string, online = false) {
  const r = await requestMeeting(t.db, from, { with: `person:${to}`, slotId, message: '', online: online ? 'on' : '' }, { now });
  if (!r.ok) throw new Error(JSON.stringify(r));
  const [row] = await t.db.select().from(meetings).where(eq(meetings.id, r.id));
  return row!;
}

async function viewOf(id: string) {
  return myMeetings(t.db, (await participantById(t.db, id))!, now);
}

describe('who meets online', () => {
  it('two people on site at the slot’s venue meet at a table unless they ask for online; anyone else meets online', async () => {
    const slotId = await slot(5);
    const [a, b, c, d, nanning, remote, remote2] = [
      await participant('mode-a', 'bangkok'),
      await participant('mode-b', 'bangkok'),
      await participant('mode-c', 'bangkok'),
      await participant('mode-d', 'bangkok'),
      await participant('mode-nanning', 'nanning'),
      await participant('mode-remote', 'online'),
      await participant('mode-remote2', 'online'),
    ];
    expect((await ask(a, b, slotId)).online).toBe(false);
    expect((await ask(c, d, slotId, true)).online).toBe(true);
    // A pair at two venues, and an online attendee asked by no one on site: online without asking.
    expect((await ask(nanning, remote, slotId)).online).toBe(true);
    const other = await slot(5);
    expect((await ask(a, nanning, other)).online).toBe(true);
    expect((await ask(remote2, b, other)).online).toBe(true);
    // A time at the online venue: online even for two people on site together.
    const virtual = await slot(1, onlineVenueId);
    expect((await ask(c, d, virtual)).online).toBe(true);
  });
});

describe('an online meeting takes no table and gets a link only its two people see', () => {
  it('accepting gives a generated link even when every table is taken; the third person, organisers and CSV never see it; the mail carries it', async () => {
    const slotId = await slot(1);
    const host = await participant('link-host', 'bangkok');
    const guest = await participant('link-guest', 'online');
    const [tableA, tableB, third] = [
      await participant('link-table-a', 'bangkok'),
      await participant('link-table-b', 'bangkok'),
      await participant('link-third', 'bangkok'),
    ];
    // The slot's only table goes to an on-site pair first.
    const onSite = await ask(tableA, tableB, slotId);
    expect(await answerMeeting(t.db, tableB, onSite.id, 'accept', { now })).toMatchObject({ ok: true, tableNo: 1 });

    const asked = await ask(guest, host, slotId);
    expect(asked.online).toBe(true);
    // Pending: no link anywhere yet.
    expect((await viewOf(guest)).meetings.find((m) => m.id === asked.id)?.meetingUrl).toBeNull();
    const accepted = await answerMeeting(t.db, host, asked.id, 'accept', { now });
    expect(accepted).toMatchObject({ ok: true, tableNo: null });
    if (!accepted.ok) return;
    const url = accepted.meetingUrl!;
    expect(url).toMatch(new RegExp(`^${MEETING_ROOM_BASE.replace(/[.]/g, '\\.')}HybridForum-[0-9a-f]{32}$`));
    const [s] = await t.db.select().from(meetingSlots).where(eq(meetingSlots.id, slotId));
    expect(s!.tablesTaken).toBe(1);

    for (const who of [host, guest]) expect((await viewOf(who)).meetings.find((m) => m.id === asked.id)?.meetingUrl).toBe(url);
    expect(JSON.stringify(await viewOf(third))).not.toContain(url);
    expect(JSON.stringify(await meetingsOverview(t.db, organiser, EVENT))).not.toContain(url);
    const csv = await exportMeetingsCsv(t.db, organiser, EVENT);
    expect(csv.body).not.toContain('HybridForum-');
    expect(csv.body.split('\r\n').find((l) => l.includes('link-guest'))).toMatch(/,accepted,,.*,online$/);

    const smtp = await startSmtpServer();
    const transport = smtpTransport(smtp.url, { maxConnections: 1 });
    try {
      while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).sent > 0);
    } finally {
      transport.close();
      await smtp.close();
    }
    const mailed = smtp.received.filter((m) => (m.parsed.text ?? '').includes(url));
    expect(mailed.map((m) => m.envelope.to)).toEqual([['link-guest@example.org']]);
    expect(mailed[0]!.parsed.subject).toBe('Person link-host accepted your meeting');
    expect(mailed[0]!.parsed.text).toContain('It takes place online');
    const [request] = smtp.received.filter((m) => m.envelope.to.includes('link-host@example.org') && m.parsed.subject?.includes('asks'));
    expect(request?.parsed.text).toContain('Online; the link is given when the meeting is accepted.');
    expect(smtp.received.filter((m) => m.envelope.to.includes('link-third@example.org') && (m.parsed.text ?? '').includes(url))).toEqual(
      [],
    );
  });

  it('the invitee may enter their own https link; http or a script address is refused beside the field; cancelling drops the link', async () => {
    const slotId = await slot(2);
    const host = await participant('own-host', 'nanning');
    const guest = await participant('own-guest', 'bangkok');
    const asked = await ask(guest, host, slotId);
    for (const bad of ['http://meet.example/room', 'javascript:alert(1)', 'https://meet.example/a b'])
      expect(await answerMeeting(t.db, host, asked.id, 'accept', { now, meetingUrl: bad })).toMatchObject({
        ok: false,
        fields: { meetingUrl: 'https' },
      });
    const mine = 'https://meet.example.org/j/123456?pwd=x';
    expect(await answerMeeting(t.db, host, asked.id, 'accept', { now, meetingUrl: mine })).toMatchObject({ ok: true, meetingUrl: mine });
    expect((await viewOf(guest)).meetings.find((m) => m.id === asked.id)?.meetingUrl).toBe(mine);
    expect((await answerMeeting(t.db, guest, asked.id, 'cancel', { now })).ok).toBe(true);
    const [row] = await t.db.select().from(meetings).where(eq(meetings.id, asked.id));
    expect(row).toMatchObject({ status: 'cancelled', meetingUrl: null, tableNo: null });
    const [s] = await t.db.select().from(meetingSlots).where(eq(meetingSlots.id, slotId));
    expect(s!.tablesTaken).toBe(0);
  });

  it('the database refuses an accepted online meeting without a link, and a link on an on-site or pending one', async () => {
    const slotId = await slot(2);
    const asked = await ask(await participant('ck-a', 'online'), await participant('ck-b', 'online'), slotId);
    const refused = (change: Parameters<ReturnType<typeof t.db.update<typeof meetings>>['set']>[0]) =>
      t.db
        .update(meetings)
        .set(change)
        .where(eq(meetings.id, asked.id))
        .then(
          () => 'written',
          (e) => violatedConstraint(e),
        );
    expect(await refused({ status: 'accepted' })).toBe('meetings_url_ck');
    expect(await refused({ meetingUrl: 'https://meet.example.org/x' })).toBe('meetings_url_ck');
    expect(await refused({ status: 'accepted', meetingUrl: 'http://meet.example.org/x' })).toBe('meetings_url_ck');
    expect(await refused({ status: 'accepted', meetingUrl: 'https://meet.example.org/x', tableNo: 1 })).toBe('meetings_table_ck');
    expect(await refused({ status: 'accepted', meetingUrl: 'https://meet.example.org/x' })).toBe('written');
  });
});
