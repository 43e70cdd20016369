// Scheduling around people: times a person marks unavailable (under the slot's lock: a mark and a
// request never cross, with a negative control on PostgreSQL), proposing another time, the mails of
// every answer with the meeting's calendar entry, the reminder an hour before (through the outbox and
// the worker, exactly once, never for a cancelled meeting) and the calendar file only its two people get.
import { and, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingHolds, meetings, meetingSlots, meetingUnavailability, outbox, registrations } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { answerMeeting, REMINDER_BEFORE_MS } from '@/lib/meetings/answer-meeting';
import { meetingCalendarFile } from '@/lib/meetings/meeting-calendar-file';
import type { lockParties } from '@/lib/meetings/party-lock';
import { proposeMeetingTime } from '@/lib/meetings/propose-time';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { saveAvailability } from '@/lib/meetings/save-availability';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { lockSlot, readSlotWithoutLocking, type SlotLock } from '@/lib/meetings/slot-lock';
import { cancelRegistration } from '@/lib/registration/manage';
import { offRegistrationCancelled, onRegistrationCancelled } from '@/lib/registration/cancellation-hooks';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';
import { meetingGate, WAIT_ALONE_LOCKED_MS, WAIT_FOR_ALL_UNLOCKED_MS } from '../helpers/seat-race';
import { startSmtpServer } from '../helpers/smtp';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let bangkokId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.schedule@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokId = (await venueBySlug(t.db, 'bangkok')).id;
});
afterAll(() => t?.close());

let slotCount = 0;
async function slot(tables = 3): Promise<{ id: string; startsAt: Date }> {
  slotCount += 1;
  // Twelve a day, 09:00 to 20:30 in Bangkok, from 28 December on.
  const day = 28 + Math.floor((slotCount - 1) / 12);
  const hourOfDay = 9 + ((slotCount - 1) % 12);
  const hour = String(hourOfDay).padStart(2, '0');
  const saved = await createMeetingSlot(t.db, organiser, EVENT, {
    venueId: bangkokId,
    label: `Schedule block ${slotCount}`,
    date: `2026-12-${day}`,
    start: `${hour}:00`,
    end: `${hour}:30`,
    tables,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  // 09:00 Bangkok (UTC+7) on 28 December is 02:00 UTC.
  return { id: saved.id, startsAt: new Date(Date.UTC(2026, 11, day, hourOfDay - 7)) };
}

async function participant(tag: string): Promise<string> {
  const values = person(tag, { mode: 'in_person', venue: 'bangkok', email: `${tag}@example.org`, name: `Person ${tag}` });
  const r = await registerAttendee(t.db, EVENT, values, { now });
  if (!r.ok) throw new Error(JSON.stringify(r));
  expect((await saveMatchmakingProfile(t.db, r.registration.id, { sectors: ['big-health'], interests: '' })).ok).toBe(true);
  return r.registration.id;
}

const ask = (from: string, to: string, slotId: string, when = now) =>
  requestMeeting(t.db, from, { with: `person:${to}`, slotId, message: '' }, { now: when });

async function askOk(from: string, to: string, slotId: string): Promise<string> {
  const r = await ask(from, to, slotId);
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.id;
}

const status = async (id: string) => (await t.db.select().from(meetings).where(eq(meetings.id, id)))[0]!.status;

/** Delivers every mail due now over real SMTP and answers what arrived. */
async function deliverAll() {
  const smtp = await startSmtpServer();
  const transport = smtpTransport(smtp.url, { maxConnections: 1 });
  try {
    while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).sent > 0);
  } finally {
    transport.close();
    await smtp.close();
  }
  return smtp.received;
}

describe('availability', () => {
  it('nobody may ask a person for a time they marked unavailable, nor may they ask then; unmarking reopens it', async () => {
    const [a, b] = [await participant('av-a'), await participant('av-b')];
    const { id: s1 } = await slot();
    const { id: s2 } = await slot();
    expect((await saveAvailability(t.db, b, { unavailable: [s1, s2] }, { now })).ok).toBe(true);
    expect(await ask(a, b, s1)).toMatchObject({ ok: false, fields: { slotId: 'meetingTheyUnavailable' } });
    expect(await ask(b, a, s2)).toMatchObject({ ok: false, fields: { slotId: 'meetingYouUnavailable' } });
    expect((await saveAvailability(t.db, b, { unavailable: [s2] }, { now })).ok).toBe(true);
    expect((await ask(a, b, s1)).ok).toBe(true);
    // Held at s1 now: marking it is refused (the other change, s2 open again, is saved).
    expect(await saveAvailability(t.db, b, { unavailable: [s1] }, { now })).toMatchObject({
      ok: false,
      fields: { unavailable: 'meetingUnavailableHeld' },
    });
    const marks = await t.db.select().from(meetingUnavailability).where(eq(meetingUnavailability.registrationId, b));
    expect(marks).toEqual([]);
    expect(await saveAvailability(t.db, b, { unavailable: ['not-a-slot'] }, { now })).toMatchObject({ ok: false });
  });

  async function markAndAskAtOnce(lock: SlotLock) {
    const [a, b] = [await participant(`race-a-${lock === lockSlot}`), await participant(`race-b-${lock === lockSlot}`)];
    const { id: s } = await slot();
    const gate = meetingGate(lock, 2, lock === readSlotWithoutLocking ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS);
    const [asked, marked] = await Promise.all([
      requestMeeting(t.db, a, { with: `person:${b}`, slotId: s, message: '' }, { now, slotLock: gate.read }),
      saveAvailability(t.db, b, { unavailable: [s] }, { now, slotLock: gate.read }),
    ]);
    const held = await t.db.select().from(meetingHolds).where(eq(meetingHolds.registrationId, b));
    const unavailable = await t.db.select().from(meetingUnavailability).where(eq(meetingUnavailability.registrationId, b));
    return { gate, asked, marked, heldAndUnavailable: held.some((h) => unavailable.some((u) => u.slotId === h.slotId)) };
  }

  it('a request and a mark at the same time: one of them wins, never both', async () => {
    const { gate, asked, marked, heldAndUnavailable } = await markAndAskAtOnce(lockSlot);
    expect(gate.mostAtOnce()).toBe(1);
    expect([asked.ok, marked.ok].filter(Boolean)).toHaveLength(1);
    expect(heldAndUnavailable).toBe(false);
  });

  it.runIf(usingPostgres)(
    'without the lock both read a free time: the person is held at a time they marked unavailable (negative control)',
    async () => {
      const { gate, asked, marked, heldAndUnavailable } = await markAndAskAtOnce(readSlotWithoutLocking);
      expect(gate.mostAtOnce()).toBe(2);
      expect([asked.ok, marked.ok]).toEqual([true, true]);
      expect(heldAndUnavailable).toBe(true);
    },
  );
});

describe('proposing another time', () => {
  it('replaces the request by one the other way at the new time, moves both holds, and mails the first asker', async () => {
    const [a, b, c] = [await participant('pr-a'), await participant('pr-b'), await participant('pr-c')];
    const { id: s1 } = await slot();
    const { id: s2 } = await slot();
    const { id: s3 } = await slot();
    const first = await askOk(a, b, s1);
    expect(await proposeMeetingTime(t.db, a, first, { slotId: s2, message: '' }, { now })).toMatchObject({ ok: false, code: 'not-found' });
    expect(await proposeMeetingTime(t.db, b, first, { slotId: s1, message: '' }, { now })).toMatchObject({
      ok: false,
      fields: { slotId: 'meetingOtherSlot' },
    });
    await askOk(a, c, s3);
    expect(await proposeMeetingTime(t.db, b, first, { slotId: s3, message: '' }, { now })).toMatchObject({
      ok: false,
      fields: { slotId: 'meetingTheyBusy' },
    });
    const proposed = await proposeMeetingTime(t.db, b, first, { slotId: s2, message: 'Afternoon is better' }, { now });
    expect(proposed.ok).toBe(true);
    if (!proposed.ok) return;
    const rows = await t.db
      .select()
      .from(meetings)
      .where(inArray(meetings.id, [first, proposed.id]));
    expect(rows.find((m) => m.id === first)).toMatchObject({ status: 'declined', replacedBy: proposed.id });
    expect(rows.find((m) => m.id === proposed.id)).toMatchObject({ status: 'pending', requesterId: b, inviteeId: a, slotId: s2 });
    const holds = await t.db
      .select()
      .from(meetingHolds)
      .where(inArray(meetingHolds.meetingId, [first, proposed.id]));
    expect(holds.map((h) => `${h.slotId === s2 ? 's2' : 's1'}:${h.registrationId === a ? 'a' : 'b'}`).sort()).toEqual(['s2:a', 's2:b']);
    // Proposed once: the replaced request cannot be answered again.
    expect(await proposeMeetingTime(t.db, b, first, { slotId: s3, message: '' }, { now })).toMatchObject({
      ok: false,
      fields: { meeting: 'meetingNotPending' },
    });
    expect((await answerMeeting(t.db, a, proposed.id, 'accept', { now })).ok).toBe(true);
    const mail = (await deliverAll()).filter((m) => m.envelope.to.includes('pr-a@example.org'));
    const proposal = mail.find((m) => m.parsed.subject === 'Person pr-b proposes another time');
    expect(proposal?.parsed.text).toContain('Afternoon is better');
  });
});

describe('the mails of each answer, the calendar entry and the reminder', () => {
  it('accepting mails the asker a calendar entry; cancelling mails both sides a cancellation of the same entry; declining mails the asker', async () => {
    const [a, b, c] = [await participant('ml-a'), await participant('ml-b'), await participant('ml-c')];
    const { id: s1, startsAt } = await slot();
    const { id: s2 } = await slot();
    const m1 = await askOk(a, b, s1);
    expect((await answerMeeting(t.db, b, m1, 'accept', { now })).ok).toBe(true);
    expect((await answerMeeting(t.db, b, m1, 'cancel', { now })).ok).toBe(true);
    const m2 = await askOk(c, b, s2);
    expect((await answerMeeting(t.db, b, m2, 'decline', { now })).ok).toBe(true);
    const received = await deliverAll();
    const to = (who: string) => received.filter((m) => m.envelope.to.includes(`${who}@example.org`)).map((m) => m.parsed);
    const accepted = to('ml-a').find((m) => m.subject === 'Person ml-b accepted your meeting');
    const cancelled = to('ml-a').find((m) => m.subject === 'Person ml-b cancelled your meeting');
    const declined = to('ml-c').find((m) => m.subject === 'Person ml-b declined your meeting request');
    expect(declined?.text).toContain('The time is free again');
    const ics = (mail: typeof accepted) => mail?.attachments.find((x) => x.filename === 'meeting.ics')?.content.toString() ?? '';
    const stamp = startsAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    expect(ics(accepted)).toContain(`UID:meeting-${m1}@hybrid-forum`);
    expect(ics(accepted)).toContain(`DTSTART:${stamp}`);
    expect(ics(accepted)).toMatch(/METHOD:REQUEST[\s\S]*SEQUENCE:0/);
    expect(ics(accepted)).toMatch(/DESCRIPTION:.*\d\d:00–\d\d:30 Bangkok\\, GMT\+7/);
    expect(ics(cancelled)).toContain(`UID:meeting-${m1}@hybrid-forum`);
    expect(ics(cancelled)).toMatch(/METHOD:CANCEL[\s\S]*SEQUENCE:1/);
    expect(ics(cancelled)).toContain('STATUS:CANCELLED');
    // The one who cancelled is told too, with the same entry's cancellation for their own calendar.
    const own = to('ml-b').filter((m) => m.subject?.includes('cancelled'));
    expect(own.map((m) => m.subject)).toEqual(['You cancelled your meeting with Person ml-a']);
    expect(ics(own[0])).toContain(`UID:meeting-${m1}@hybrid-forum`);
    expect(ics(own[0])).toMatch(/METHOD:CANCEL[\s\S]*SEQUENCE:1/);
  });

  it('each person’s reminder leaves the outbox an hour before, exactly once even with two workers; a cancelled meeting’s never', async () => {
    const [a, b, c, d] = [await participant('rm-a'), await participant('rm-b'), await participant('rm-c'), await participant('rm-d')];
    const { id: s1, startsAt } = await slot();
    const kept = await askOk(a, b, s1);
    const dropped = await askOk(c, d, s1);
    expect((await answerMeeting(t.db, b, kept, 'accept', { now })).ok).toBe(true);
    expect((await answerMeeting(t.db, d, dropped, 'accept', { now })).ok).toBe(true);
    const reminders = () =>
      t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'meeting.reminder'), like(outbox.toAddress, 'rm-%')));
    expect((await reminders()).map((r) => r.nextAttemptAt.getTime())).toEqual(Array(4).fill(startsAt.getTime() - REMINDER_BEFORE_MS));
    expect((await answerMeeting(t.db, c, dropped, 'cancel', { now })).ok).toBe(true);
    expect((await reminders()).map((r) => r.toAddress).sort()).toEqual(['rm-a@example.org', 'rm-b@example.org']);

    // Not before the hour: the worker leaves them queued.
    expect((await deliverAll()).filter((m) => m.parsed.subject?.includes('starts in an hour'))).toEqual([]);
    // The hour comes (the queue's clock is the database's, so the due time is moved to now).
    await t.db.execute(sql`update outbox set next_attempt_at = now() where kind = 'meeting.reminder' and to_address like 'rm-%'`);
    const smtp = await startSmtpServer();
    const transports = [smtpTransport(smtp.url, { maxConnections: 1 }), smtpTransport(smtp.url, { maxConnections: 1 })];
    try {
      for (let round = 0; round < 3; round++) await Promise.all(transports.map((tr) => deliverDueMail(t.db, tr, { backoff: () => 0 })));
    } finally {
      for (const tr of transports) tr.close();
      await smtp.close();
    }
    const sent = smtp.received.filter((m) => m.parsed.subject?.includes('starts in an hour'));
    expect(sent.map((m) => m.envelope.to[0]).sort()).toEqual(['rm-a@example.org', 'rm-b@example.org']);
    expect(sent.find((m) => m.envelope.to.includes('rm-a@example.org'))?.parsed.subject).toBe(
      'Your meeting with Person rm-b starts in an hour',
    );
    expect((await deliverAll()).filter((m) => m.parsed.subject?.includes('starts in an hour'))).toEqual([]);
  });

  it('accepted less than an hour before: no reminder', async () => {
    const [a, b] = [await participant('late-a'), await participant('late-b')];
    const { id: s, startsAt } = await slot();
    const late = new Date(startsAt.getTime() - 30 * 60_000);
    const r = await ask(a, b, s, late);
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect((await answerMeeting(t.db, b, r.id, 'accept', { now: late })).ok).toBe(true);
    const [row] = await t.db.select().from(meetings).where(eq(meetings.id, r.id));
    expect(row!.reminderMailIds).toEqual([]);
  });

  it('the calendar file is given to the meeting’s two people only, once accepted', async () => {
    const [a, b, c] = [await participant('cal-a'), await participant('cal-b'), await participant('cal-c')];
    const { id: s } = await slot();
    const m = await askOk(a, b, s);
    expect(await meetingCalendarFile(t.db, manageTokenFor(a), m)).toMatchObject({ ok: false, code: 'not-found' });
    expect((await answerMeeting(t.db, b, m, 'accept', { now })).ok).toBe(true);
    for (const who of [a, b]) {
      const file = await meetingCalendarFile(t.db, manageTokenFor(who), m);
      expect(file.ok && file.body).toContain(`UID:meeting-${m}@hybrid-forum`);
    }
    expect(await meetingCalendarFile(t.db, manageTokenFor(c), m)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await meetingCalendarFile(t.db, 'not-a-token', m)).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('a registration cancelled', () => {
  it('cancels its pending and accepted meetings: the other side is told (their calendar drops the accepted one); tables, times and reminders are freed; other people’s meetings stay', async () => {
    const [a, b, c, d, e] = await Promise.all(['rc-a', 'rc-b', 'rc-c', 'rc-d', 'rc-e'].map(participant));
    const { id: s1 } = await slot();
    const { id: s2 } = await slot();
    const accepted = await askOk(a!, b!, s1);
    expect((await answerMeeting(t.db, b!, accepted, 'accept', { now })).ok).toBe(true);
    const pending = await askOk(c!, a!, s2);
    const others = await askOk(c!, d!, s1);
    expect((await answerMeeting(t.db, d!, others, 'accept', { now })).ok).toBe(true);
    const tablesTaken = async () => (await t.db.select().from(meetingSlots).where(eq(meetingSlots.id, s1)))[0]!.tablesTaken;
    expect(await tablesTaken()).toBe(2);
    await deliverAll();

    expect((await cancelRegistration(t.db, a!)).ok).toBe(true);
    expect([await status(accepted), await status(pending), await status(others)]).toEqual(['cancelled', 'cancelled', 'accepted']);
    expect(await tablesTaken()).toBe(1);
    expect(
      await t.db
        .select()
        .from(meetingHolds)
        .where(inArray(meetingHolds.meetingId, [accepted, pending])),
    ).toEqual([]);
    const reminders = await t.db
      .select({ to: outbox.toAddress })
      .from(outbox)
      .where(and(eq(outbox.kind, 'meeting.reminder'), like(outbox.toAddress, 'rc-%')));
    expect(reminders.map((r) => r.to).sort()).toEqual(['rc-c@example.org', 'rc-d@example.org']);
    // B's time is free again: someone else may ask them for it.
    expect((await ask(e!, b!, s1)).ok).toBe(true);

    const received = await deliverAll();
    const subjects = (who: string) =>
      received
        .filter((m) => m.envelope.to.includes(`${who}@example.org`))
        .map((m) => m.parsed.subject)
        .sort();
    // Nobody chose to cancel these meetings: the mails say they end with A's registration, and A,
    // whose registration it was, is told of each meeting too.
    expect(subjects('rc-b')).toEqual(['Person rc-e asks to meet you', 'Your meeting with Person rc-a is cancelled']);
    expect(subjects('rc-c')).toEqual(['Your meeting with Person rc-a is cancelled']);
    expect(subjects('rc-d')).toEqual([]);
    expect(subjects('rc-a').filter((s) => s?.includes('meeting'))).toEqual([
      'Your meeting with Person rc-b is cancelled with your registration',
      'Your meeting with Person rc-c is cancelled with your registration',
    ]);
    const toA = received.find((m) => m.envelope.to.includes('rc-a@example.org') && m.parsed.subject?.includes('rc-b'));
    expect(toA?.parsed.text).toContain('Your registration is cancelled, and with it this meeting with Person rc-b');
    expect(toA?.parsed.attachments.find((x) => x.filename === 'meeting.ics')?.content.toString()).toMatch(/METHOD:CANCEL/);
    expect(
      received.find((m) => m.envelope.to.includes('rc-b@example.org') && m.parsed.subject?.includes('cancelled'))?.parsed.text,
    ).toMatch(/Person rc-a \([^)]+\) no longer takes part in the forum, so this meeting is cancelled/);
    const toB = received.find((m) => m.envelope.to.includes('rc-b@example.org') && m.parsed.subject?.includes('cancelled'));
    const ics = toB?.parsed.attachments.find((x) => x.filename === 'meeting.ics')?.content.toString() ?? '';
    expect(ics).toContain(`UID:meeting-${accepted}@hybrid-forum`);
    expect(ics).toMatch(/METHOD:CANCEL[\s\S]*SEQUENCE:1/);
    // The pending request was never on a calendar: its cancellation carries none.
    const toC = received.find((m) => m.envelope.to.includes('rc-c@example.org'));
    expect(toC?.parsed.attachments.filter((x) => x.filename === 'meeting.ics')).toEqual([]);
  });

  it('a request whose asker is no longer registered cannot be accepted', async () => {
    const [a, b] = [await participant('gone-a'), await participant('gone-b')];
    const { id: s } = await slot();
    const asked = await askOk(a, b, s);
    // As a cancellation written before meetings were cancelled with it left things.
    await t.db.update(registrations).set({ status: 'cancelled' }).where(eq(registrations.id, a));
    expect(await answerMeeting(t.db, b, asked, 'accept', { now })).toMatchObject({ ok: false, fields: { meeting: 'meetingNotPending' } });
    expect(await status(asked)).toBe('pending');
  });
});

describe.runIf(usingPostgres)('two proposals crossing between the same two hours at two venues', () => {
  let nanningId: string;
  let day = 0;
  beforeAll(async () => {
    nanningId = (await venueBySlug(t.db, 'nanning')).id;
  });

  /** A slot at Bangkok and one at Nanning at the same instant (09:00 in Bangkok is 10:00 in Nanning); ids as created. */
  async function hourAtBothVenues(bangkokHour: number): Promise<[string, string]> {
    const at = async (venueId: string, hour: number, label: string) => {
      const saved = await createMeetingSlot(t.db, organiser, EVENT, {
        venueId,
        label,
        date: `2027-01-${String(day).padStart(2, '0')}`,
        start: `${String(hour).padStart(2, '0')}:00`,
        end: `${String(hour).padStart(2, '0')}:45`,
        tables: 3,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      return saved.id;
    };
    return [
      await at(bangkokId, bangkokHour, `Cross ${day} ${bangkokHour} BKK`),
      await at(nanningId, bangkokHour + 1, `Cross ${day} ${bangkokHour} NNG`),
    ];
  }

  /**
   * Two proposals that lock the two hours' slots one hour at a time take them in opposite orders:
   * B proposes from an early slot to a later one whose id is greater, D from a later slot to an early
   * one whose id is greater. Made again on another day until the ids allow it.
   */
  async function crossing() {
    for (;;) {
      day += 1;
      const early = await hourAtBothVenues(9);
      const late = await hourAtBothVenues(11);
      const p = early.find((x) => late.some((y) => x < y));
      const q = p && late.find((y) => p < y);
      const s = late.find((y) => early.some((x) => y < x));
      const r = s && early.find((x) => s < x);
      if (p && q && s && r) return { p, q, s, r };
    }
  }

  async function race(tag: string, overlapLock?: (tx: unknown, ids: string[]) => Promise<void>) {
    const { p, q, s, r } = await crossing();
    const [a, b, c, d] = await Promise.all([`${tag}-a`, `${tag}-b`, `${tag}-c`, `${tag}-d`].map(participant));
    const first = await askOk(a!, b!, p);
    const second = await askOk(c!, d!, s);
    const gate = meetingGate(lockSlot, 2, overlapLock ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS);
    const options = { now, slotLock: gate.read, ...(overlapLock ? { overlapLock } : {}) };
    const settled = await Promise.allSettled([
      proposeMeetingTime(t.db, b!, first, { slotId: q, message: '' }, options),
      proposeMeetingTime(t.db, d!, second, { slotId: r, message: '' }, options),
    ]);
    // A failed query's SQLSTATE is on the driver's error, which Drizzle keeps as the cause.
    const sqlState = (error: unknown) => (error as { cause?: { code?: string } }).cause?.code ?? String(error);
    return settled.map((x) => (x.status === 'fulfilled' ? (x.value.ok ? 'ok' : x.value.code) : sqlState(x.reason)));
  }

  it('both are made, one after the other: each locks both hours’ slots together, in id order', async () => {
    expect(await race('cross')).toEqual(['ok', 'ok']);
  });

  it('negative control: locking one hour’s slots and then the other’s, they deadlock and PostgreSQL aborts one', async () => {
    expect((await race('cross-neg', async () => {})).sort()).toEqual(['40P01', 'ok']);
  });
});

describe.runIf(usingPostgres)('a meeting answered while the other person cancels their registration', () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** The cancellation holds the person's row a while before it reaches their meetings: the answer comes in then. */
  async function crossing(tag: string, partyLock?: typeof lockParties) {
    const [x, y] = [await participant(`${tag}-x`), await participant(`${tag}-y`)];
    const { id: s } = await slot();
    const m = await askOk(x, y, s);
    expect((await answerMeeting(t.db, y, m, 'accept', { now })).ok).toBe(true);
    onRegistrationCancelled('0-slow', () => sleep(500));
    try {
      const cancelling = cancelRegistration(t.db, x);
      await sleep(150);
      const answering = answerMeeting(t.db, y, m, 'cancel', { now, ...(partyLock ? { partyLock } : {}) });
      const [answered, cancelled] = await Promise.allSettled([answering, cancelling]);
      return { m, answered, cancelled };
    } finally {
      offRegistrationCancelled('0-slow');
    }
  }

  it('the answer waits for the registration’s lock and finds the meeting cancelled; no deadlock, one cancellation', async () => {
    const { m, answered, cancelled } = await crossing('cross-cancel');
    expect(cancelled).toMatchObject({ status: 'fulfilled', value: { ok: true } });
    expect(answered).toMatchObject({ status: 'fulfilled', value: { ok: false, fields: { meeting: 'meetingNotPending' } } });
    expect(await status(m)).toBe('cancelled');
  });

  it('negative control: taking the slot before the registration, the answer deadlocks with the cancellation and is aborted', async () => {
    const { answered, cancelled } = await crossing('cross-cancel-neg', async () => ({ allMayMeet: true }));
    expect(cancelled).toMatchObject({ status: 'fulfilled', value: { ok: true } });
    expect(answered.status).toBe('rejected');
    expect((answered as PromiseRejectedResult).reason?.cause?.code).toBe('40P01');
  });
});
