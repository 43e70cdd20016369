// Attendee categories: their capacity held like seats (category row lock; a forced race with a
// negative control), invitation codes redeemed at most N times under concurrency, approval racing a
// cancellation, and every outcome's mail as it arrives over SMTP.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  attendeeCategories,
  auditLog,
  categoryInvitationCodes,
  events,
  outbox,
  registrationSessions,
  registrations,
  sessions,
  venues,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { approveRegistrations, rejectRegistrations } from '@/lib/registration/admin/categories/decide';
import { generateInvitationCodes } from '@/lib/registration/admin/categories/invitation-codes-admin';
import { lockCategory, readCategoryWithoutLocking, type CategoryLock } from '@/lib/registration/categories/category-seats';
import { categoryForCode, normaliseCode } from '@/lib/registration/categories/invitation-codes';
import { fillCategory } from '@/lib/registration/categories/fill-category';
import { offeredCategories } from '@/lib/registration/categories/public-categories';
import { cancelRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { lockSeats, type SeatLock } from '@/lib/registration/seats';
import { submitRegistration } from '@/lib/registration/submit-registration';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, rows, sessionBySlug } from '../helpers/registration';
import { seatInvariantBreaches } from '../helpers/seat-invariants';
import { meetingGate, outcomes, WAIT_ALONE_LOCKED_MS, WAIT_FOR_ALL_UNLOCKED_MS } from '../helpers/seat-race';
import { startSmtpServer } from '../helpers/smtp';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 40 });
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.categories@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

type CategoryValues = Partial<typeof attendeeCategories.$inferInsert>;

async function category(name: string, values: CategoryValues = {}) {
  const [row] = await t.db
    .insert(attendeeCategories)
    .values({ eventId, name: { en: name, zh: name }, ...values })
    .returning();
  return row!;
}

async function code(categoryId: string, value: string, maxUses: number, expiresAt = new Date('2027-01-01T00:00:00Z')) {
  await t.db.insert(categoryInvitationCodes).values({ eventId, categoryId, code: value, maxUses, expiresAt });
}

/** Holds the category's places as the CHECK and the rows say: count = registrations holding a place, line 1..n. */
async function categoryBreaches(categoryId: string): Promise<string[]> {
  const [row] = rows<{ count: number; held: number; capacity: number | null; line: number[] | null }>(
    await t.db.execute(sql`
      select c.confirmed_count as count, c.capacity,
             (select count(*)::int from registrations r where r.category_id = c.id and r.status in ('confirmed', 'waitlisted', 'checked_in')) as held,
             (select array_agg(category_waitlist_position order by category_waitlist_position) from registrations r
               where r.category_id = c.id and r.status = 'pending' and category_waitlist_position is not null) as line
      from attendee_categories c where c.id = ${categoryId}`),
  );
  const breaches: string[] = [];
  if (row!.count !== row!.held) breaches.push(`confirmed_count ${row!.count} but ${row!.held} held`);
  if (row!.capacity !== null && row!.count > row!.capacity) breaches.push('over capacity');
  const line = row!.line ?? [];
  if (line.join(',') !== line.map((_, i) => i + 1).join(',')) breaches.push(`line ${line.join(',')}`);
  return breaches;
}

const online = (n: string, overrides: Record<string, unknown> = {}) => person(n, { mode: 'online', venue: null, ...overrides });

describe(`category capacity with the race forced (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  async function race(lock: CategoryLock, tag: string) {
    const young = await category(`Race ${tag}`, { capacity: 4 });
    // Unlocked, every reader waits for all the others (a loaded machine is slow to bring them in).
    const gate = meetingGate(lock, 12, lock === readCategoryWithoutLocking ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS);
    const settled = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        registerAttendee(t.db, EVENT, person(`${tag}${i}`, { category: young.id }), { now, categoryLock: gate.read }),
      ),
    );
    const inCategory = await t.db.select().from(registrations).where(eq(registrations.categoryId, young.id));
    return { young, gate, settled, inCategory };
  }

  it('with the lock, 12 registrations at once for 4 places: 4 hold a place, 8 wait in the category line 1..8, seats untouched', async () => {
    const { young, gate, settled, inCategory } = await race(lockCategory, 'cap-locked');
    expect(outcomes(settled)).toEqual(Array(12).fill('ok'));
    expect(inCategory.filter((r) => r.status === 'confirmed')).toHaveLength(4);
    const line = inCategory.filter((r) => r.status === 'pending').map((r) => r.categoryWaitlistPosition);
    expect(line.sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await categoryBreaches(young.id)).toEqual([]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
    // Only one transaction at a time was past the category read.
    expect(gate.mostAtOnce()).toBe(1);
  });

  it.runIf(usingPostgres)(
    'without the lock the same race oversells: 8 refused by the CHECK instead of waiting in line (negative control)',
    async () => {
      const { young, gate, settled, inCategory } = await race(readCategoryWithoutLocking, 'cap-unlocked');
      expect(gate.mostAtOnce()).toBe(12);
      const answers = outcomes(settled);
      expect(answers.filter((a) => a === 'ok')).toHaveLength(4);
      expect(answers.filter((a) => a === 'attendee_categories_seats_ck')).toHaveLength(8);
      // Nobody waits: every one of them read a free place.
      expect(inCategory.filter((r) => r.status === 'pending')).toHaveLength(0);
      expect(await categoryBreaches(young.id)).toEqual([]);
    },
  );

  it('a cancelled place goes to the first in the category line, with their seats and a mail', async () => {
    const small = await category('Two places', { capacity: 2 });
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const r = await registerAttendee(t.db, EVENT, person(`fill${n}`, { category: small.id }), { now });
      if (!r.ok) throw new Error(JSON.stringify(r));
      ids.push(r.registration.id);
    }
    const statusOf = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!;
    expect((await statusOf(ids[2]!)).categoryWaitlistPosition).toBe(1);
    expect((await cancelRegistration(t.db, ids[0]!)).ok).toBe(true);
    expect((await statusOf(ids[2]!)).status).toBe('confirmed');
    expect((await statusOf(ids[3]!)).categoryWaitlistPosition).toBe(1);
    const mails = await t.db.select().from(outbox).where(eq(outbox.registrationId, ids[2]!));
    expect(mails.map((m) => m.kind).sort()).toEqual(['registration.category-waitlisted', 'registration.promoted']);
    expect(await categoryBreaches(small.id)).toEqual([]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });
});

describe('invitation codes', () => {
  it('a code usable 3 times, redeemed by 10 registrations at once, admits exactly 3; the use count stays 3', async () => {
    const hidden = await category('Race delegates', { visibility: 'invitation' });
    await code(hidden.id, 'RACE3TIMES', 3);
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        registerAttendee(t.db, EVENT, online(`code${i}`, { category: hidden.id, code: 'race3times' }), { now }),
      ),
    );
    const answers = outcomes(settled);
    expect(answers.filter((a) => a === 'ok')).toHaveLength(3);
    expect(answers.filter((a) => a === 'invalid')).toHaveLength(7);
    const [row] = await t.db.select().from(categoryInvitationCodes).where(eq(categoryInvitationCodes.code, 'RACE3TIMES'));
    expect(row!.uses).toBe(3);
    expect(await t.db.select().from(registrations).where(eq(registrations.categoryId, hidden.id))).toHaveLength(3);
  });

  it('a wrong, expired or used-up code, and a hidden category without one, answer alike and never name the category', async () => {
    const hidden = await category('Secret delegates', { visibility: 'invitation' });
    await code(hidden.id, 'EXPIREDCODE', 5, new Date('2026-11-30T00:00:00Z'));
    await code(hidden.id, 'USEDUPCODE', 1);
    const first = await registerAttendee(t.db, EVENT, online('used-first', { category: hidden.id, code: 'USEDUPCODE' }), { now });
    expect(first.ok).toBe(true);
    const answer = (n: string, extra: Record<string, unknown>) => submitRegistration(t.db, EVENT, online(n, extra), { now });
    const wrong = await answer('w1', { category: hidden.id, code: 'NOSUCHCODE' });
    const expired = await answer('w2', { category: hidden.id, code: 'EXPIREDCODE' });
    const usedUp = await answer('w3', { category: hidden.id, code: 'USEDUPCODE' });
    expect(wrong).toMatchObject({ ok: false, code: 'invalid', fields: { code: 'invitationCode' } });
    expect(expired).toEqual(wrong);
    expect(usedUp).toEqual(wrong);
    // A hidden category without a code is answered as one that does not exist.
    const noCode = await answer('w4', { category: hidden.id });
    const unknown = await answer('w5', { category: '00000000-0000-4000-8000-000000000000' });
    expect(noCode).toMatchObject({ ok: false, code: 'invalid', fields: { category: 'category' } });
    expect(unknown).toEqual(noCode);
    // The form offers the hidden category only with a valid code.
    const offered = (c: string | null) => offeredCategories(t.db, eventId, c, now);
    expect((await offered(null)).categories.map((c) => c.id)).not.toContain(hidden.id);
    expect(await offered(null)).toMatchObject({ unlockedBy: null, codeRejected: false });
    expect((await offered('EXPIREDCODE')).categories.map((c) => c.id)).not.toContain(hidden.id);
    expect(await offered('EXPIREDCODE')).toMatchObject({ unlockedBy: null, codeRejected: true });
    // Nothing was written for the refused ones.
    expect(await t.db.select().from(registrations).where(eq(registrations.categoryId, hidden.id))).toHaveLength(1);
  });

  it('a code is read as typed by people: spaces and dashes anywhere, any case, are ignored', async () => {
    const hidden = await category('Typed delegates', { visibility: 'invitation' });
    await code(hidden.id, 'TYPED7K2QX', 2);
    expect(normaliseCode(' typ-ed 7k2 -- qx\t')).toBe('TYPED7K2QX');
    expect(await categoryForCode(t.db, eventId, 'typ-ed 7k2 -- qx', now)).toBe(hidden.id);
    expect(await categoryForCode(t.db, eventId, 'TYP ED7K2QX', now)).toBe(hidden.id);
    const opened = await offeredCategories(t.db, eventId, 'typ-ed 7k2 qx', now);
    expect(opened).toMatchObject({ unlockedBy: hidden.id, codeRejected: false });
    expect(opened.categories.map((c) => c.id)).toContain(hidden.id);
    // Only spaces and dashes go: another character is part of the code, so it does not match.
    expect(await categoryForCode(t.db, eventId, 'TYPED7K2QX.', now)).toBeNull();
    const typed = await registerAttendee(t.db, EVENT, online('typed-code', { category: hidden.id, code: 'Typed-7K2Q X' }), { now });
    expect(typed.ok).toBe(true);
    const [row] = await t.db.select().from(categoryInvitationCodes).where(eq(categoryInvitationCodes.code, 'TYPED7K2QX'));
    expect(row!.uses).toBe(1);
  });

  it('the lock of a category that does not exist (deleted meanwhile) answers null, locked or not', async () => {
    const missing = randomUUID();
    expect(await t.db.transaction((tx) => lockCategory(tx, missing))).toBeNull();
    expect(await t.db.transaction((tx) => readCategoryWithoutLocking(tx, missing))).toBeNull();
    const present = await category('Present category', { capacity: 2 });
    expect(await t.db.transaction((tx) => lockCategory(tx, present.id))).toMatchObject({ id: present.id, capacity: 2, confirmedCount: 0 });
  });

  it('organisers generate codes in bulk; a registration that fails does not use one up', async () => {
    const hidden = await category('Bulk delegates', { visibility: 'invitation' });
    const made = await generateInvitationCodes(
      t.db,
      organiser,
      EVENT,
      hidden.id,
      { count: '25', maxUses: '1', expiresAt: '2026-12-20T18:00' },
      now,
    );
    if (!made.ok) throw new Error(JSON.stringify(made));
    expect(new Set(made.codes).size).toBe(25);
    expect(made.codes.every((c) => /^[A-HJ-NP-Z2-9]{10}$/.test(c))).toBe(true);
    const past = await generateInvitationCodes(
      t.db,
      organiser,
      EVENT,
      hidden.id,
      { count: '1', maxUses: '1', expiresAt: '2026-11-01T10:00' },
      now,
    );
    expect(past).toMatchObject({ ok: false, code: 'invalid', fields: { expiresAt: 'expiryInPast' } });
    // An in-person registration at a venue the category does not allow: refused, the code still unused.
    await t.db
      .update(attendeeCategories)
      .set({ allowedModes: ['online'] })
      .where(eq(attendeeCategories.id, hidden.id));
    const refused = await registerAttendee(t.db, EVENT, person('bulk-refused', { category: hidden.id, code: made.codes[0] }), { now });
    expect(refused).toMatchObject({ ok: false, code: 'invalid', fields: { mode: 'categoryMode' } });
    const [row] = await t.db.select().from(categoryInvitationCodes).where(eq(categoryInvitationCodes.code, made.codes[0]!));
    expect(row!.uses).toBe(0);
  });
});

describe('approval', () => {
  it('a pending registration holds no seat; approval takes it at that moment, or the category line when full', async () => {
    const keynote = await sessionBySlug(t.db, 'opening-ceremony');
    const delegates = await category('Approved delegates', { requiresApproval: true, capacity: 1 });
    const [nanningBefore] = await t.db
      .select()
      .from(venues)
      .where(and(eq(venues.eventId, eventId), eq(venues.slug, 'nanning')));
    const a = await registerAttendee(t.db, EVENT, person('appr-a', { category: delegates.id, sessions: [keynote] }), { now });
    const b = await registerAttendee(t.db, EVENT, person('appr-b', { category: delegates.id }), { now });
    if (!a.ok || !b.ok) throw new Error('not registered');
    expect(a.registration).toMatchObject({ status: 'pending', sessions: [] });
    const [nanningPending] = await t.db.select().from(venues).where(eq(venues.id, nanningBefore!.id));
    expect(nanningPending!.confirmedCount).toBe(nanningBefore!.confirmedCount);

    const approved = await approveRegistrations(t.db, organiser, EVENT, {
      ids: [a.registration.id, b.registration.id],
      message: 'Welcome to Nanning.',
    });
    expect(approved).toEqual({ ok: true, tally: { seated: 1, inLine: 1, rejected: 0, skipped: 0 } });
    const [nanningAfter] = await t.db.select().from(venues).where(eq(venues.id, nanningBefore!.id));
    expect(nanningAfter!.confirmedCount).toBe(nanningBefore!.confirmedCount + 1);
    const rowsNow = await t.db.select().from(registrations).where(eq(registrations.categoryId, delegates.id));
    const byId = new Map(rowsNow.map((r) => [r.id, r]));
    expect(byId.get(a.registration.id)).toMatchObject({ status: 'confirmed', decision: 'approved', requestedSessions: null });
    expect(byId.get(b.registration.id)).toMatchObject({ status: 'pending', decision: 'approved', categoryWaitlistPosition: 1 });
    expect(await categoryBreaches(delegates.id)).toEqual([]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
    // Approving again changes nothing.
    expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [a.registration.id] })).toEqual({
      ok: true,
      tally: { seated: 0, inLine: 0, rejected: 0, skipped: 1 },
    });
  });

  it('a pending registration cannot be changed from its manage link, only cancelled', async () => {
    const { changeRegistration } = await import('@/lib/registration/manage');
    const media = await category('Media check', { requiresApproval: true });
    const r = await registerAttendee(t.db, EVENT, person('pending-change', { category: media.id }), { now });
    if (!r.ok) throw new Error('not registered');
    const [before] = await t.db.select().from(registrations).where(eq(registrations.id, r.registration.id));
    expect(await changeRegistration(t.db, r.registration.id, { mode: 'online' })).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { registration: 'registrationPending' },
    });
    expect(await changeRegistration(t.db, r.registration.id, { mode: 'in_person', venue: 'bangkok' })).toMatchObject({
      ok: false,
      fields: { registration: 'registrationPending' },
    });
    // Nothing was written: still pending at the venue it asked for, holding no place, seat or category place.
    const [after] = await t.db.select().from(registrations).where(eq(registrations.id, r.registration.id));
    expect(after).toEqual(before);
    expect(after).toMatchObject({ status: 'pending', mode: 'in_person' });
    expect(await t.db.select().from(registrationSessions).where(eq(registrationSessions.registrationId, r.registration.id))).toEqual([]);
    expect(await categoryBreaches(media.id)).toEqual([]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('a change from the manage link keeps to the category’s modes and venues; a change inside them is taken', async () => {
    const { changeRegistration } = await import('@/lib/registration/manage');
    const [bangkok] = await t.db
      .select()
      .from(venues)
      .where(and(eq(venues.eventId, eventId), eq(venues.slug, 'bangkok')));
    const onlineOnly = await category('Online observers', { allowedModes: ['online'] });
    const bangkokOnly = await category('Bangkok delegation', { allowedVenueIds: [bangkok!.id] });
    const observer = await registerAttendee(t.db, EVENT, online('change-observer', { category: onlineOnly.id }), { now });
    const delegate = await registerAttendee(t.db, EVENT, person('change-delegate', { category: bangkokOnly.id, venue: 'bangkok' }), {
      now,
    });
    if (!observer.ok || !delegate.ok) throw new Error('not registered');
    const before = await t.db.select().from(registrations).where(eq(registrations.categoryId, onlineOnly.id));
    expect(await changeRegistration(t.db, observer.registration.id, { mode: 'in_person', venue: 'nanning' })).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { mode: 'categoryMode' },
    });
    expect(await changeRegistration(t.db, delegate.registration.id, { mode: 'in_person', venue: 'nanning' })).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { venue: 'categoryVenue' },
    });
    expect(await t.db.select().from(registrations).where(eq(registrations.categoryId, onlineOnly.id))).toEqual(before);
    // Inside the category's rules: Bangkok's delegate may follow online (both modes allowed).
    expect(await changeRegistration(t.db, delegate.registration.id, { mode: 'online' })).toMatchObject({ ok: true });
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it(`approval racing a cancellation: whichever commits first, no seat is held by a cancelled registration (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const racing = await category('Racing delegates', { requiresApproval: true, capacity: 20 });
    const keynote = await sessionBySlug(t.db, 'opening-ceremony');
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await registerAttendee(t.db, EVENT, person(`race-appr${i}`, { category: racing.id, sessions: [keynote] }), { now });
      if (!r.ok) throw new Error('not registered');
      ids.push(r.registration.id);
    }
    const settled = await Promise.allSettled(
      ids.flatMap((id) => [approveRegistrations(t.db, organiser, EVENT, { ids: [id] }), cancelRegistration(t.db, id)]),
    );
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    const after = await t.db.select().from(registrations).where(eq(registrations.categoryId, racing.id));
    expect(after.map((r) => r.status)).toEqual(Array(10).fill('cancelled'));
    expect(await categoryBreaches(racing.id)).toEqual([]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('each outcome is mailed, with the organisers’ message, and arrives over SMTP in the registrant’s language', async () => {
    const media = await category('Media mail', { requiresApproval: true });
    const yes = await registerAttendee(t.db, EVENT, person('mail-yes', { category: media.id }), { now });
    const no = await registerAttendee(t.db, EVENT, person('mail-no', { category: media.id, locale: 'zh' }), { now });
    if (!yes.ok || !no.ok) throw new Error('not registered');
    await approveRegistrations(t.db, organiser, EVENT, { ids: [yes.registration.id], message: 'Your press pass waits at desk 3.' });
    expect(await rejectRegistrations(t.db, organiser, EVENT, { ids: [no.registration.id], message: '名额已满，敬请谅解。' })).toEqual({
      ok: true,
      tally: { seated: 0, inLine: 0, rejected: 1, skipped: 0 },
    });
    const smtp = await startSmtpServer();
    const transport = smtpTransport(smtp.url, { maxConnections: 1 });
    try {
      while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).sent > 0);
    } finally {
      transport.close();
      await smtp.close();
    }
    // In the order they were queued (the worker may deliver them in any order).
    const queued = (await t.db.select({ messageId: outbox.messageId }).from(outbox).orderBy(outbox.createdAt)).map((m) => m.messageId);
    const to = (address: string) =>
      smtp.received
        .filter((m) => m.envelope.to.includes(address))
        .map((m) => m.parsed)
        .sort((x, y) => queued.indexOf(x.messageId ?? '') - queued.indexOf(y.messageId ?? ''));
    const yesMails = to('pmail-yes@example.org');
    expect(yesMails.map((m) => m.subject?.split(' · ')[0])).toEqual([
      'Registration received: awaiting approval',
      'Your registration is approved',
    ]);
    expect(yesMails[0]!.attachments.map((a) => a.filename)).toEqual([]);
    expect(yesMails[1]!.text).toContain('Your press pass waits at desk 3.');
    expect(yesMails[1]!.attachments.map((a) => a.filename)).toContain('ticket.png');
    const noMails = to('pmail-no@example.org');
    expect(noMails.map((m) => m.subject?.split(' · ')[0])).toEqual(['报名已收到，等待审核', '您的报名未获批准']);
    expect(noMails[1]!.text).toContain('名额已满，敬请谅解。');
    expect(noMails[1]!.text).toContain('主办方留言');
    const [rejected] = await t.db.select().from(registrations).where(eq(registrations.id, no.registration.id));
    expect(rejected).toMatchObject({ status: 'cancelled', decision: 'rejected' });
  });

  it('only organisers decide: a viewer and an organiser of another event are refused, nothing changes', async () => {
    const media = await category('Media auth', { requiresApproval: true });
    const r = await registerAttendee(t.db, EVENT, person('auth-pending', { category: media.id }), { now });
    if (!r.ok) throw new Error('not registered');
    const viewer = await actorFor(t.db, 'viewer.categories@forum.test', { eventSlug: EVENT, role: 'viewer' });
    const [other] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    expect(other).toBeDefined();
    await expect(approveRegistrations(t.db, viewer, EVENT, { ids: [r.registration.id] })).rejects.toThrow();
    await expect(rejectRegistrations(t.db, null, EVENT, { ids: [r.registration.id] })).rejects.toThrow();
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, r.registration.id));
    expect(row!.status).toBe('pending');
  });
});

describe('approval after the programme changed', () => {
  it('a session cancelled and published while the registration waited is not seated at approval; the others are', async () => {
    const { publishAgenda } = await import('@/lib/agenda/publish/publish');
    const kept = await sessionBySlug(t.db, 'keynote-digital-health-corridor');
    const dropped = await sessionBySlug(t.db, 'keynote-ai-public-health');
    const vetted = await category('Vetted guests', { requiresApproval: true });
    const r = await registerAttendee(t.db, EVENT, person('appr-late', { category: vetted.id, sessions: [kept, dropped] }), { now });
    if (!r.ok) throw new Error('not registered');
    await t.db.update(sessions).set({ status: 'cancelled' }).where(eq(sessions.id, dropped));
    await publishAgenda(t.db, organiser, EVENT);
    const [droppedBefore] = await t.db.select().from(sessions).where(eq(sessions.id, dropped));
    expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [r.registration.id] })).toMatchObject({
      ok: true,
      tally: { seated: 1 },
    });
    const held = await t.db.select().from(registrationSessions).where(eq(registrationSessions.registrationId, r.registration.id));
    expect(held.map((h) => h.sessionId)).toEqual([kept]);
    const [droppedAfter] = await t.db.select().from(sessions).where(eq(sessions.id, dropped));
    expect(droppedAfter!.confirmedCount).toBe(droppedBefore!.confirmedCount);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('a requested session missing from the published programme (added after it, or removed) is not seated at approval', async () => {
    const kept = await sessionBySlug(t.db, 'keynote-digital-health-corridor');
    const [model] = await t.db.select().from(sessions).where(eq(sessions.id, kept));
    const { id: _id, slug: _slug, confirmedCount: _count, ...copy } = model!;
    // In the working programme only: never published, so not in the published version's snapshot.
    const [unpublished] = await t.db
      .insert(sessions)
      .values({ ...copy, slug: 'unpublished-extra-keynote' })
      .returning();
    const vetted = await category('Vetted before the extra', { requiresApproval: true });
    const r = await registerAttendee(t.db, EVENT, person('appr-missing', { category: vetted.id, sessions: [kept] }), { now });
    if (!r.ok) throw new Error('not registered');
    // What a registration holds when its session left the programme while it waited.
    await t.db
      .update(registrations)
      .set({
        requestedSessions: [
          { sessionId: kept, seat: true },
          { sessionId: unpublished!.id, seat: true },
        ],
      })
      .where(eq(registrations.id, r.registration.id));
    expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [r.registration.id] })).toMatchObject({
      ok: true,
      tally: { seated: 1 },
    });
    const held = await t.db.select().from(registrationSessions).where(eq(registrationSessions.registrationId, r.registration.id));
    expect(held.map((h) => h.sessionId)).toEqual([kept]);
    const [after] = await t.db.select().from(sessions).where(eq(sessions.id, unpublished!.id));
    expect(after!.confirmedCount).toBe(0);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
    await t.db.delete(sessions).where(eq(sessions.id, unpublished!.id));
  });
});

describe('the category form', () => {
  it('saves the name and description in every offered language side by side; an empty language falls back, English is required', async () => {
    const { createCategory, updateCategory, categoryFormValues } = await import('@/lib/registration/admin/categories/save-category');
    const values = {
      name: { en: 'Ministry delegates', zh: '部委代表', ja: '省庁代表団', ko: '', th: 'คณะผู้แทนกระทรวง' },
      description: { en: 'Officials of the member states', zh: '', ja: '', ko: '정부 대표', th: '' },
      capacity: '',
      visibility: 'public',
      requiresApproval: false,
      opensAt: '',
      closesAt: '',
      allowedModes: ['in_person', 'online'],
      allowedVenueIds: [],
      position: '1',
    };
    const created = await createCategory(t.db, organiser, EVENT, values);
    if (!created.ok) throw new Error(JSON.stringify(created));
    const stored = async () => (await t.db.select().from(attendeeCategories).where(eq(attendeeCategories.id, created.id)))[0]!;
    expect((await stored()).name).toEqual({ en: 'Ministry delegates', zh: '部委代表', ja: '省庁代表団', th: 'คณะผู้แทนกระทรวง' });
    expect((await stored()).description).toEqual({ en: 'Officials of the member states', ko: '정부 대표' });
    // The form gets every language back, and a save that changes one keeps the others.
    const form = categoryFormValues(await stored(), 'Asia/Shanghai');
    expect(form.name).toMatchObject({ ja: '省庁代表団', ko: '' });
    expect(await updateCategory(t.db, organiser, EVENT, created.id, { ...form, name: { ...form.name, ko: '부처 대표단' } })).toMatchObject({
      ok: true,
    });
    expect((await stored()).name).toEqual({
      en: 'Ministry delegates',
      zh: '部委代表',
      ja: '省庁代表団',
      ko: '부처 대표단',
      th: 'คณะผู้แทนกระทรวง',
    });
    expect(await updateCategory(t.db, organiser, EVENT, created.id, { ...form, name: { ...form.name, en: '' } })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });
});

describe('the category line and its fill (admit.ts, fill-category.ts)', () => {
  const row = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!;
  const mailsOf = async (id: string) =>
    (
      await t.db
        .select({ kind: outbox.kind, payload: outbox.payload })
        .from(outbox)
        .where(eq(outbox.registrationId, id))
        .orderBy(outbox.createdAt)
    ).map((m) => ({ kind: m.kind, props: (m.payload as { props: { categoryPosition?: number; changes: string[] } }).props }));
  async function pendingIn(categoryId: string, tag: string, n: number) {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = await registerAttendee(t.db, EVENT, person(`${tag}${i}`, { category: categoryId }), { now });
      if (!r.ok) throw new Error(JSON.stringify(r));
      ids.push(r.registration.id);
    }
    return ids;
  }

  it('approvals into a full category each take the next place in its line, named in their mail; one approved again keeps its place', async () => {
    const full = await category('Line of approvals', { requiresApproval: true, capacity: 1 });
    const [a, b, c, d] = await pendingIn(full.id, 'line-appr', 4);
    expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [a, b, c] })).toEqual({
      ok: true,
      tally: { seated: 1, inLine: 2, rejected: 0, skipped: 0 },
    });
    expect([(await row(b!)).categoryWaitlistPosition, (await row(c!)).categoryWaitlistPosition]).toEqual([1, 2]);
    // The mail says which place in the line; no message from the organisers, so no message lines.
    expect((await mailsOf(c!)).filter((m) => m.kind === 'registration.category-waitlisted').map((m) => m.props)).toMatchObject([
      { categoryPosition: 2, changes: [] },
    ]);
    expect((await mailsOf(a!)).find((m) => m.kind === 'registration.approved')!.props.changes).toEqual([]);

    expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [b, d], message: 'We keep you posted.' })).toEqual({
      ok: true,
      tally: { seated: 0, inLine: 2, rejected: 0, skipped: 0 },
    });
    expect(await Promise.all([b, c, d].map(async (id) => (await row(id!)).categoryWaitlistPosition))).toEqual([1, 2, 3]);
    expect((await mailsOf(d!)).filter((m) => m.kind === 'registration.category-waitlisted').map((m) => m.props)).toMatchObject([
      { categoryPosition: 3, changes: ['We keep you posted.'] },
    ]);
    expect(await categoryBreaches(full.id)).toEqual([]);
  });

  it('fillCategory gives every free place to the line in order and returns who got one; with none free it touches no one', async () => {
    const small = await category('Filled in order', { capacity: 1 });
    const [a, b, c, d] = await pendingIn(small.id, 'fill-order', 4);
    expect((await row(a!)).status).toBe('confirmed');
    // The last in line leaves: the category is still full, so the first in line hears nothing.
    expect((await cancelRegistration(t.db, d!)).ok).toBe(true);
    expect(await row(d!)).toMatchObject({ status: 'cancelled', categoryWaitlistPosition: null });
    expect((await mailsOf(b!)).map((m) => m.kind)).toEqual(['registration.category-waitlisted']);
    expect([(await row(b!)).categoryWaitlistPosition, (await row(c!)).categoryWaitlistPosition]).toEqual([1, 2]);
    expect(await fillCategory(t.db, small.id)).toEqual([]);

    await t.db.update(attendeeCategories).set({ capacity: 3 }).where(eq(attendeeCategories.id, small.id));
    expect(await fillCategory(t.db, small.id)).toEqual([b, c]);
    expect([(await row(b!)).status, (await row(c!)).status]).toEqual(['confirmed', 'confirmed']);
    expect((await mailsOf(c!)).map((m) => m.kind)).toEqual(['registration.category-waitlisted', 'registration.promoted']);
    expect(await fillCategory(t.db, small.id)).toEqual([]);
    expect(await categoryBreaches(small.id)).toEqual([]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('an approval while no programme is published seats the sessions asked for (the public then chooses from the working one)', async () => {
    const keynote = await sessionBySlug(t.db, 'opening-ceremony');
    const cat = await category('Before publication', { requiresApproval: true });
    const r = await registerAttendee(t.db, EVENT, person('unpublished-appr', { category: cat.id, sessions: [keynote] }), { now });
    if (!r.ok) throw new Error('not registered');
    const [event] = await t.db.select({ publishedVersion: events.publishedVersion }).from(events).where(eq(events.id, eventId));
    await t.db.update(events).set({ publishedVersion: 0 }).where(eq(events.id, eventId));
    try {
      expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [r.registration.id] })).toMatchObject({ tally: { seated: 1 } });
    } finally {
      await t.db.update(events).set({ publishedVersion: event!.publishedVersion }).where(eq(events.id, eventId));
    }
    const held = await t.db.select().from(registrationSessions).where(eq(registrationSessions.registrationId, r.registration.id));
    expect(held.map((h) => h.sessionId)).toEqual([keynote]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('one leaving the middle of the category’s line closes it up: those behind move up one', async () => {
    const small = await category('Line closed up', { capacity: 1 });
    const [, b, c, d] = await pendingIn(small.id, 'line-gap', 4);
    expect((await cancelRegistration(t.db, b!)).ok).toBe(true);
    expect([(await row(c!)).categoryWaitlistPosition, (await row(d!)).categoryWaitlistPosition]).toEqual([1, 2]);
    expect(await categoryBreaches(small.id)).toEqual([]);
  });

  it('cancelling a registration that does not exist answers not found', async () => {
    expect(await cancelRegistration(t.db, randomUUID())).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('an approval admits a registration only under its own category’s lock: under another one it is skipped, unaudited', async () => {
    const own = await category('Own category', { requiresApproval: true });
    const other = await category('Other category', { requiresApproval: true, capacity: 5 });
    const [id] = await pendingIn(own.id, 'wrong-lock', 1);
    const wrongLock: CategoryLock = (tx) => lockCategory(tx, other.id);
    expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [id] }, { categoryLock: wrongLock })).toEqual({
      ok: true,
      tally: { seated: 0, inLine: 0, rejected: 0, skipped: 1 },
    });
    expect(await row(id!)).toMatchObject({ status: 'pending', decision: null, categoryId: own.id });
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id!), eq(auditLog.action, 'registration.approve'))),
    ).toEqual([]);
    expect([await categoryBreaches(own.id), await categoryBreaches(other.id)]).toEqual([[], []]);
  });

  /**
   * A seat lock that, the first time, lets another writer change the registration's row before it is
   * locked. PostgreSQL only: PGlite's one connection serialises transactions, so no other writer can
   * change the row while the approval's transaction is open (the write would wait for it for ever).
   */
  const meanwhile = (write: () => Promise<unknown>): SeatLock => {
    let first = true;
    return async (tx, request) => {
      if (first) {
        first = false;
        await write();
      }
      return lockSeats(tx, request);
    };
  };

  it.runIf(usingPostgres)(
    'a registration cancelled between the approval’s read and its lock stays cancelled: no place, no seat, no audit',
    async () => {
      const cat = await category('Cancelled meanwhile', { requiresApproval: true });
      const [id] = await pendingIn(cat.id, 'cancel-meanwhile', 1);
      // Only its status changes (not its sequence), so the status alone must stop the approval.
      const seatLock = meanwhile(() =>
        t.db.update(registrations).set({ status: 'cancelled', cancelledAt: now }).where(eq(registrations.id, id!)),
      );
      expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [id] }, { seatLock })).toEqual({
        ok: true,
        tally: { seated: 0, inLine: 0, rejected: 0, skipped: 1 },
      });
      expect(await row(id!)).toMatchObject({ status: 'cancelled', decision: null });
      expect(await t.db.select().from(registrationSessions).where(eq(registrationSessions.registrationId, id!))).toEqual([]);
      expect(
        await t.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entityId, id!), eq(auditLog.action, 'registration.approve'))),
      ).toEqual([]);
      expect(await categoryBreaches(cat.id)).toEqual([]);
      expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
    },
  );

  it.runIf(usingPostgres)(
    'a registration moved to another venue between the approval’s read and its lock is planned again and seated there',
    async () => {
      const cat = await category('Moved meanwhile', { requiresApproval: true });
      const [id] = await pendingIn(cat.id, 'move-meanwhile', 1);
      const [bangkok] = await t.db
        .select()
        .from(venues)
        .where(and(eq(venues.eventId, eventId), eq(venues.slug, 'bangkok')));
      const countAt = async (venueId: string) => (await t.db.select().from(venues).where(eq(venues.id, venueId)))[0]!.confirmedCount;
      const before = await countAt(bangkok!.id);
      const seatLock = meanwhile(() =>
        t.db
          .update(registrations)
          .set({ venueId: bangkok!.id, sequence: sql`${registrations.sequence} + 1` })
          .where(eq(registrations.id, id!)),
      );
      expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [id] }, { seatLock })).toEqual({
        ok: true,
        tally: { seated: 1, inLine: 0, rejected: 0, skipped: 0 },
      });
      expect(await row(id!)).toMatchObject({ status: 'confirmed', venueId: bangkok!.id, decision: 'approved' });
      expect(await countAt(bangkok!.id)).toBe(before + 1);
      expect(await categoryBreaches(cat.id)).toEqual([]);
      expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
    },
  );
});
