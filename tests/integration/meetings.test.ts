// 1:1 meetings: a person is never in two meetings at one slot and a table never holds two meetings,
// held like seats (the slot's row lock; forced races with negative controls on PostgreSQL), the
// request and accept mails as they arrive over SMTP, and who may ask and answer.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exhibitors, listings, meetingHolds, meetings, meetingSlots, outbox, registrations } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { exportMeetingsCsv } from '@/lib/meetings/admin/export';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { answerMeeting } from '@/lib/meetings/answer-meeting';
import { requestMeeting } from '@/lib/meetings/request-meeting';
import { saveMatchmakingProfile } from '@/lib/meetings/save-profile';
import { lockSlot, readSlotWithoutLocking, type SlotLock } from '@/lib/meetings/slot-lock';
import { registerAttendee } from '@/lib/registration/register';
import { violatedConstraint } from '@/lib/admin/db-errors';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, rows, venueBySlug } from '../helpers/registration';
import { meetingGate, WAIT_ALONE_LOCKED_MS, WAIT_FOR_ALL_UNLOCKED_MS } from '../helpers/seat-race';
import { startSmtpServer } from '../helpers/smtp';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;
let bangkokId: string;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 72 }); // 54 for transactions: the fifty racing ones at once;
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.meetings@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokId = (await venueBySlug(t.db, 'bangkok')).id;
});
afterAll(() => t?.close());

let slotCount = 0;
async function slot(tables: number): Promise<string> {
  slotCount += 1;
  const hour = String(8 + slotCount).padStart(2, '0');
  const saved = await createMeetingSlot(t.db, organiser, EVENT, {
    venueId: bangkokId,
    label: `Table block ${slotCount}`,
    // A day after the demo's own meeting times, so the test's never share a start with them.
    date: '2026-12-27',
    start: `${hour}:00`,
    end: `${hour}:30`,
    tables,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return saved.id;
}

/** On site at Bangkok, where the test's meeting times are, so their meetings take tables. */
async function participant(tag: string, optIn = true): Promise<string> {
  const r = await registerAttendee(
    t.db,
    EVENT,
    person(tag, { mode: 'in_person', venue: 'bangkok', email: `${tag}@example.org`, name: `Person ${tag}` }),
    { now },
  );
  if (!r.ok) throw new Error(JSON.stringify(r));
  if (optIn)
    expect((await saveMatchmakingProfile(t.db, r.registration.id, { sectors: ['big-health'], interests: 'diagnostics' })).ok).toBe(true);
  return r.registration.id;
}

/** The database's own view: nobody held twice at a slot, holds match the live meetings, tables within the pool. */
async function meetingBreaches(): Promise<string[]> {
  const breaches: string[] = [];
  const [r] = rows<{ over: number; counter: number; doubled: number; orphan: number; missing: number; twice: number }>(
    await t.db.execute(sql`
      select
        (select count(*)::int from meeting_slots s where s.tables_taken > s.tables) as over,
        (select count(*)::int from meeting_slots s where s.tables_taken <> (select count(*) from meetings m where m.slot_id = s.id and m.status = 'accepted' and not m.online)) as counter,
        (select count(*)::int from meetings m where m.table_no > (select tables from meeting_slots s where s.id = m.slot_id)) as doubled,
        (select count(*)::int from meeting_holds h join meetings m on m.id = h.meeting_id where m.status not in ('pending', 'accepted')) as orphan,
        (select count(*)::int from meetings m where m.status in ('pending', 'accepted') and (select count(*) from meeting_holds h where h.meeting_id = m.id) <> 2) as missing,
        (select count(*)::int from meeting_holds a join meeting_slots sa on sa.id = a.slot_id
           join meeting_holds b on b.registration_id = a.registration_id and b.slot_id <> a.slot_id
           join meeting_slots sb on sb.id = b.slot_id
           where sa.starts_at < sb.ends_at and sb.starts_at < sa.ends_at) as twice`),
  );
  if (r!.over) breaches.push('more meetings than tables');
  if (r!.counter) breaches.push('tables_taken differs from accepted meetings');
  if (r!.doubled) breaches.push('table number past the pool');
  if (r!.orphan) breaches.push('holds of a finished meeting');
  if (r!.missing) breaches.push('a live meeting without its two holds');
  if (r!.twice) breaches.push('a person in two meetings at once');
  return breaches;
}

const answers = (settled: PromiseSettledResult<{ ok: boolean; fields?: Record<string, string> }>[]) =>
  settled.map((s) =>
    s.status === 'fulfilled'
      ? s.value.ok
        ? 'ok'
        : (Object.values(s.value.fields ?? {})[0] ?? 'refused')
      : (violatedConstraint(s.reason) ?? String((s.reason as Error)?.message)),
  );

describe(`one person, one slot, fifty requests at once (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  let invitee: string;
  const requesters: string[] = [];
  beforeAll(async () => {
    invitee = await participant('popular');
    for (let i = 0; i < 50; i++) requesters.push(await participant(`fan${i}`));
  });

  async function race(lock: SlotLock) {
    const slotId = await slot(10);
    // Fifty callers each read two rows before their transaction: on a loaded machine bringing them all
    // to the gate takes longer than the seat tests' wait, so the unlocked run waits up to twice it.
    const gate = meetingGate(lock, 50, lock === readSlotWithoutLocking ? 2 * WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS);
    const settled = await Promise.allSettled(
      requesters.map((r) => requestMeeting(t.db, r, { with: `person:${invitee}`, slotId, message: 'Hello' }, { now, slotLock: gate.read })),
    );
    const made = await t.db.select().from(meetings).where(eq(meetings.slotId, slotId));
    return { gate, result: answers(settled), made };
  }

  it('with the lock: one meeting, 49 told that they are already taken at this time', async () => {
    const { gate, result, made } = await race(lockSlot);
    expect(result.filter((a) => a !== 'meetingTheyBusy')).toEqual(['ok']);
    expect(made).toHaveLength(1);
    expect(gate.mostAtOnce()).toBe(1);
    expect(await meetingBreaches()).toEqual([]);
  });

  it.runIf(usingPostgres)(
    'without the lock all 50 read a free person; 49 are refused by meeting_holds_pkey instead (negative control)',
    { timeout: 120_000 },
    async () => {
      const { gate, result, made } = await race(readSlotWithoutLocking);
      expect(gate.mostAtOnce()).toBe(50);
      expect(result.filter((a) => a === 'ok')).toHaveLength(1);
      expect(result.filter((a) => a === 'meeting_holds_pkey')).toHaveLength(49);
      expect(made).toHaveLength(1);
      expect(await meetingBreaches()).toEqual([]);
    },
  );
});

describe(`one person, one hour, two venues: requests at once at Bangkok and at Nanning (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  let invitee: string;
  const requesters: string[] = [];
  beforeAll(async () => {
    invitee = await participant('two-venues');
    for (let i = 0; i < 10; i++) requesters.push(await participant(`two-venues-fan${i}`));
  });

  /** A Bangkok slot and a Nanning slot at the same instant (Nanning's clock is an hour ahead). */
  async function sameHourSlots(): Promise<[string, string]> {
    slotCount += 1;
    const hour = 8 + slotCount;
    const at = async (venueId: string, localHour: number, label: string) => {
      const saved = await createMeetingSlot(t.db, organiser, EVENT, {
        venueId,
        label,
        date: '2026-12-27',
        start: `${String(localHour).padStart(2, '0')}:00`,
        end: `${String(localHour).padStart(2, '0')}:30`,
        tables: 5,
      });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      return saved.id;
    };
    return [
      await at(bangkokId, hour, `Bangkok ${slotCount}`),
      await at((await venueBySlug(t.db, 'nanning')).id, hour + 1, `Nanning ${slotCount}`),
    ];
  }

  async function race(lock: SlotLock) {
    const [bangkokSlot, nanningSlot] = await sameHourSlots();
    const gate = meetingGate(lock, 10, lock === readSlotWithoutLocking ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS);
    const settled = await Promise.allSettled(
      requesters.map((r, i) =>
        requestMeeting(
          t.db,
          r,
          { with: `person:${invitee}`, slotId: i % 2 ? nanningSlot : bangkokSlot, message: '' },
          { now, slotLock: gate.read },
        ),
      ),
    );
    const made = await t.db.select().from(meetings).where(sql`${meetings.slotId} in (${bangkokSlot}, ${nanningSlot})`);
    return { result: answers(settled), made };
  }

  it('with the lock: one meeting at one venue, nine told the person is taken at this time', async () => {
    const { result, made } = await race(lockSlot);
    expect(result.filter((a) => a !== 'meetingTheyBusy')).toEqual(['ok']);
    expect(made).toHaveLength(1);
    expect(await meetingBreaches()).toEqual([]);
  });

  it.runIf(usingPostgres)(
    'without the lock the person is booked at both venues at once (negative control)',
    { timeout: 120_000 },
    async () => {
      const { result, made } = await race(readSlotWithoutLocking);
      expect(result.filter((a) => a === 'ok')).toHaveLength(2);
      expect(new Set(made.map((m) => m.slotId)).size).toBe(2);
      expect(await meetingBreaches()).toContain('a person in two meetings at once');
      // Put right, so the breaches check of the tests after this one starts clean.
      await t.db.update(meetings).set({ status: 'cancelled' }).where(sql`${meetings.id} = ${made[1]!.id}`);
      await t.db.delete(meetingHolds).where(eq(meetingHolds.meetingId, made[1]!.id));
    },
  );
});

describe(`tables: ten accepts at once for three tables (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  const pairs: { requester: string; invitee: string }[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 10; i++) pairs.push({ requester: await participant(`host${i}`), invitee: await participant(`guest${i}`) });
  });

  async function race(lock: SlotLock) {
    const slotId = await slot(3);
    const ids: string[] = [];
    for (const p of pairs) {
      const r = await requestMeeting(t.db, p.requester, { with: `person:${p.invitee}`, slotId, message: '' }, { now });
      if (!r.ok) throw new Error(JSON.stringify(r));
      ids.push(r.id);
    }
    const gate = meetingGate(lock, 10, lock === readSlotWithoutLocking ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS);
    const settled = await Promise.allSettled(
      pairs.map((p, i) => answerMeeting(t.db, p.invitee, ids[i]!, 'accept', { now, slotLock: gate.read })),
    );
    const made = await t.db.select().from(meetings).where(eq(meetings.slotId, slotId));
    const [row] = await t.db.select().from(meetingSlots).where(eq(meetingSlots.id, slotId));
    return { gate, result: answers(settled), made, slot: row! };
  }

  it('with the lock: three accepted at tables 1, 2, 3; seven told every table is taken and still pending', async () => {
    const { gate, result, made, slot: s } = await race(lockSlot);
    expect(result.filter((a) => a === 'ok')).toHaveLength(3);
    expect(result.filter((a) => a === 'meetingNoTable')).toHaveLength(7);
    expect(
      made
        .filter((m) => m.status === 'accepted')
        .map((m) => m.tableNo)
        .sort(),
    ).toEqual([1, 2, 3]);
    expect(made.filter((m) => m.status === 'pending')).toHaveLength(7);
    expect(s.tablesTaken).toBe(3);
    expect(gate.mostAtOnce()).toBe(1);
    expect(await meetingBreaches()).toEqual([]);
  });

  it.runIf(usingPostgres)(
    'without the lock every accept reads table 1 free; nine are refused by meetings_slot_table_uq (negative control)',
    async () => {
      const { gate, result, made } = await race(readSlotWithoutLocking);
      expect(gate.mostAtOnce()).toBe(10);
      expect(result.filter((a) => a === 'ok')).toHaveLength(1);
      expect(result.filter((a) => a === 'meetings_slot_table_uq')).toHaveLength(9);
      expect(made.filter((m) => m.status === 'accepted').map((m) => m.tableNo)).toEqual([1]);
      expect(await meetingBreaches()).toEqual([]);
    },
  );
});

describe('asking, answering and the mails', () => {
  it('a request mails the invitee; accepting gives a table and mails the requester, in the venue zone, over SMTP', async () => {
    const a = await participant('mail-a');
    const b = await participant('mail-b');
    await t.db.update(registrations).set({ locale: 'zh' }).where(eq(registrations.id, a));
    const slotId = await slot(2);
    const asked = await requestMeeting(t.db, a, { with: `person:${b}`, slotId, message: 'About diagnostics' }, { now });
    expect(asked.ok).toBe(true);
    if (!asked.ok) return;
    const accepted = await answerMeeting(t.db, b, asked.id, 'accept', { now });
    expect(accepted).toMatchObject({ ok: true, tableNo: 1 });
    const smtp = await startSmtpServer();
    const transport = smtpTransport(smtp.url, { maxConnections: 1 });
    try {
      while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).sent > 0);
    } finally {
      transport.close();
      await smtp.close();
    }
    const meetingMail = new Set(
      (await t.db.select({ id: outbox.messageId }).from(outbox).where(sql`${outbox.kind} like 'meeting.%'`)).map((m) => m.id),
    );
    const to = (address: string) =>
      smtp.received.filter((m) => m.envelope.to.includes(address) && meetingMail.has(m.parsed.messageId ?? '')).map((m) => m.parsed);
    const [request] = to('mail-b@example.org');
    expect(request?.subject).toBe('Person mail-a asks to meet you');
    expect(request?.text).toContain('About diagnostics');
    // 09:00 Bangkok time on the first day, with its zone.
    expect(request?.text).toMatch(/\d\d:00–\d\d:30 Bangkok, GMT\+7/);
    expect(request?.text).toContain('/meetings');
    const [answer] = to('mail-a@example.org');
    expect(answer?.subject).toBe('Person mail-b 接受了您的洽谈');
    expect(answer?.text).toContain('1 号洽谈桌');
  });

  it('refuses: oneself, someone not in matchmaking, a slot of the past, a second request at a held time; only the invitee accepts', async () => {
    const a = await participant('rule-a');
    const b = await participant('rule-b');
    const shy = await participant('rule-shy', false);
    const slotId = await slot(1);
    const ask = (from: string, values: Record<string, unknown>, when = now) =>
      requestMeeting(t.db, from, { slotId, message: '', ...values }, { now: when });
    expect(await ask(a, { with: `person:${a}` })).toMatchObject({ ok: false, fields: { with: 'meetingSelf' } });
    expect(await ask(a, { with: `person:${shy}` })).toMatchObject({ ok: false, fields: { with: 'meetingWith' } });
    expect(await ask(shy, { with: `person:${a}` })).toMatchObject({ ok: false, fields: { with: 'meetingNotOptedIn' } });
    expect(await ask(a, { with: `person:${b}` }, new Date('2027-01-01T00:00:00Z'))).toMatchObject({
      ok: false,
      fields: { slotId: 'meetingSlot' },
    });
    expect(await ask(a, { with: 'nobody' })).toMatchObject({ ok: false, fields: { with: 'meetingWith' } });
    const first = await ask(a, { with: `person:${b}` });
    expect(first.ok).toBe(true);
    expect(await ask(b, { with: `person:${a}` })).toMatchObject({ ok: false, fields: { slotId: 'meetingYouBusy' } });
    if (!first.ok) return;
    expect(await answerMeeting(t.db, a, first.id, 'accept', { now })).toMatchObject({ ok: false, code: 'not-found' });
    expect((await answerMeeting(t.db, b, first.id, 'decline', { now })).ok).toBe(true);
    expect(await answerMeeting(t.db, b, first.id, 'accept', { now })).toMatchObject({
      ok: false,
      fields: { meeting: 'meetingNotPending' },
    });
    // Declined: the time is free again for both.
    expect(await t.db.select().from(meetingHolds).where(eq(meetingHolds.meetingId, first.id))).toEqual([]);
    expect((await ask(b, { with: `person:${a}` })).ok).toBe(true);
    expect(await meetingBreaches()).toEqual([]);
  });

  it('a cancelled accepted meeting frees its table for the next; a listing is answered by its exhibitor contact', async () => {
    const contact = await participant('exhibitor-contact', false);
    const [exhibitor] = await t.db
      .insert(exhibitors)
      .values({
        eventId,
        slug: 'meet-exhibitor',
        name: { en: 'Meet Co' },
        country: 'TH',
        sectors: ['big-health'],
        contactEmail: 'Exhibitor-Contact@example.org',
        status: 'approved',
        approvedAt: now,
      })
      .returning();
    const [listing] = await t.db
      .insert(listings)
      .values({
        eventId,
        exhibitorId: exhibitor!.id,
        kind: 'offer',
        title: { en: 'Rapid test' },
        sector: 'big-health',
        trl: 6,
        ipStatus: 'patent',
        cooperation: ['licensing'],
        status: 'published',
        moderatedAt: now,
      })
      .returning();
    const a = await participant('lst-a');
    const b = await participant('lst-b');
    const c = await participant('lst-c');
    const slotId = await slot(1);
    const one = await requestMeeting(t.db, a, { with: `listing:${listing!.id}`, slotId, message: '' }, { now });
    expect(one.ok).toBe(true);
    if (!one.ok) return;
    const [m] = await t.db.select().from(meetings).where(eq(meetings.id, one.id));
    expect(m).toMatchObject({ inviteeId: contact, listingId: listing!.id, exhibitorId: exhibitor!.id });
    expect((await answerMeeting(t.db, contact, one.id, 'accept', { now })).ok).toBe(true);
    const two = await requestMeeting(t.db, b, { with: `person:${c}`, slotId, message: '' }, { now });
    if (!two.ok) throw new Error(JSON.stringify(two));
    expect(await answerMeeting(t.db, c, two.id, 'accept', { now })).toMatchObject({ ok: false, fields: { meeting: 'meetingNoTable' } });
    expect((await answerMeeting(t.db, a, one.id, 'cancel', { now })).ok).toBe(true);
    expect(await answerMeeting(t.db, c, two.id, 'accept', { now })).toMatchObject({ ok: true, tableNo: 1 });
    expect(await meetingBreaches()).toEqual([]);
    const kinds = (await t.db.select({ kind: outbox.kind }).from(outbox).where(eq(outbox.registrationId, contact))).map((o) => o.kind);
    expect(kinds).toContain('meeting.requested');
  });

  it('organisers open meeting times: the same venue and start twice is refused beside the start, zero tables beside the tables; nobody else may', async () => {
    const values = { venueId: bangkokId, label: 'Twice', date: '2026-12-28', start: '09:00', end: '09:30', tables: 3 };
    expect((await createMeetingSlot(t.db, organiser, EVENT, values)).ok).toBe(true);
    expect(await createMeetingSlot(t.db, organiser, EVENT, values)).toMatchObject({ ok: false, fields: { start: 'meetingSlotTaken' } });
    expect(await createMeetingSlot(t.db, organiser, EVENT, { ...values, start: '10:00', tables: 0 })).toMatchObject({
      ok: false,
      fields: { tables: 'tooSmall?min=1' },
    });
    await expect(createMeetingSlot(t.db, null, EVENT, { ...values, start: '11:00' })).rejects.toThrow();
  });

  it('the organisers’ CSV makes a hostile name harmless in a spreadsheet and gives the slot on the venue’s clock with its zone', async () => {
    const a = await participant('csv-a');
    const b = await participant('csv-b');
    await t.db.update(registrations).set({ name: '=HYPERLINK("http://evil.example","x")' }).where(eq(registrations.id, a));
    const slotId = await slot(1);
    const asked = await requestMeeting(t.db, a, { with: `person:${b}`, slotId, message: '' }, { now });
    expect(asked.ok).toBe(true);
    const csv = await exportMeetingsCsv(t.db, organiser, EVENT);
    const line = csv.body.split('\r\n').find((l) => l.includes('HYPERLINK')) ?? '';
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(line).toContain('Asia/Bangkok');
    expect(line).toContain(',pending,,');
  });
});
