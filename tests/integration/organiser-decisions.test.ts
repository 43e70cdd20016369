// What an organiser's decisions on registrations leave behind, beyond the happy paths of
// attendee-categories and organiser-edit: which mail a resend queues for each standing, what approval
// and rejection write and audit (with and without a message), a rejection closing the category line's
// gap, registrations that are not pending counted as skipped, and an edit's refusals (erased,
// cancelled, another forum's, another venue's), its audit naming exactly what changed, and a pending
// registration moved out of a category's line.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeCategories, auditLog, outbox, registrations } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { approveRegistrations, rejectRegistrations } from '@/lib/registration/admin/categories/decide';
import { editRegistrationAsOrganiser } from '@/lib/registration/admin/edit-registration';
import { lockCategory } from '@/lib/registration/categories/category-seats';
import { createQuestion } from '@/lib/registration/questions/admin/save-question';
import { resendConfirmation } from '@/lib/registration/admin/resend-confirmation';
import type { RegistrationMailPayload } from '@/lib/registration/registration-mail';
import { actorFor } from '../helpers/actors';
import { anotherForum, foreignRegistration } from '../helpers/another-forum';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, registeredId, venueBySlug } from '../helpers/registration';
import { someoneWaitsForALock } from '../helpers/lock-wait';
import { insertCategory, onlinePerson } from '../helpers/delegations';
import { fieldsOf } from '../helpers/results';

const now = new Date('2026-12-01T00:00:00Z');
const OTHER = 'organiser-decisions-other';
let t: TestDatabase;
let eventId: string;
let organiser: Actor;
let tokyoManager: Actor;
let otherRegistration: string;

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.decisions@forum.test', { eventSlug: EVENT, role: 'organiser' });
  const tokyo = await venueBySlug(t.db, 'tokyo');
  tokyoManager = await actorFor(t.db, 'tokyo.decisions@forum.test', { eventSlug: EVENT, role: 'venue_manager', venueId: tokyo.id });
  const other = await anotherForum(t.db, OTHER);
  otherRegistration = await foreignRegistration(t.db, other.eventId, 'elsewhere@example.org');
});
afterAll(() => t?.close());

const category = (name: string, values: Partial<typeof attendeeCategories.$inferInsert> = {}) =>
  insertCategory(t.db, eventId, name, values);

const online = onlinePerson;
const register = (n: string, overrides: Record<string, unknown> = {}) => registeredId(t.db, online(n, overrides), now);
const row = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!;
const linePlaces = async (ids: string[]) => Promise.all(ids.map(async (id) => (await row(id)).categoryWaitlistPosition));
const mailsTo = (id: string) =>
  t.db.select().from(outbox).where(eq(outbox.registrationId, id)).orderBy(asc(outbox.createdAt), asc(outbox.id));
const auditsOf = (id: string, action: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)));

describe('resending a confirmation', () => {
  async function resentKind(id: string) {
    const before = (await mailsTo(id)).length;
    expect(await resendConfirmation(t.db, organiser, EVENT, id)).toEqual({ ok: true });
    const mails = await mailsTo(id);
    expect(mails).toHaveLength(before + 1);
    const mail = mails.at(-1)!;
    return { kind: mail.kind, categoryPosition: (mail.payload as RegistrationMailPayload).props.categoryPosition };
  }

  it('queues the mail of where the registration stands now: confirmed, waitlisted, pending, or in a category’s line with its place', async () => {
    const confirmed = await register('resend-confirmed');
    expect(await resentKind(confirmed)).toEqual({ kind: 'registration.confirmed', categoryPosition: undefined });

    const waitlisted = await registeredId(t.db, person('resend-waitlisted'), now);
    await t.db.update(registrations).set({ status: 'waitlisted', waitlistPosition: 4 }).where(eq(registrations.id, waitlisted));
    expect(await resentKind(waitlisted)).toEqual({ kind: 'registration.waitlisted', categoryPosition: undefined });

    const approval = await category('Resend approval', { requiresApproval: true });
    const pending = await register('resend-pending', { category: approval.id });
    expect((await row(pending)).status).toBe('pending');
    expect(await resentKind(pending)).toEqual({ kind: 'registration.pending', categoryPosition: undefined });

    const full = await category('Resend full', { capacity: 1 });
    await register('resend-holder', { category: full.id });
    await register('resend-first-in-line', { category: full.id });
    const second = await register('resend-second-in-line', { category: full.id });
    expect(await row(second)).toMatchObject({ status: 'pending', categoryWaitlistPosition: 2 });
    expect(await resentKind(second)).toEqual({ kind: 'registration.category-waitlisted', categoryPosition: 2 });
  });

  it('goes to the address as it is now, notes when the link was sent, and the audit names that address', async () => {
    const id = await register('resend-moved');
    await t.db.update(registrations).set({ email: 'moved.address@example.org', manageLinkSentAt: null }).where(eq(registrations.id, id));
    const before = new Date();
    expect(await resendConfirmation(t.db, organiser, EVENT, id)).toEqual({ ok: true });
    expect((await mailsTo(id)).at(-1)!.toAddress).toBe('moved.address@example.org');
    expect((await row(id)).manageLinkSentAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const [audit, ...more] = await auditsOf(id, 'registration.confirmation.resend');
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      eventId,
      actorUserId: organiser.userId,
      entity: 'registration',
      details: { to: 'moved.address@example.org' },
    });
  });

  it('an erased registration, another forum’s, or one at a venue the manager does not run gets none; their own venue’s does', async () => {
    const erased = await register('resend-erased');
    await t.db.update(registrations).set({ erasedAt: now }).where(eq(registrations.id, erased));
    const notHere = { ok: false, code: 'not-found', error: 'No such registration in this event' };
    expect(await resendConfirmation(t.db, organiser, EVENT, erased)).toMatchObject(notHere);
    expect(await resendConfirmation(t.db, organiser, EVENT, otherRegistration)).toMatchObject(notHere);
    expect(await mailsTo(erased)).toHaveLength(1);
    expect(await mailsTo(otherRegistration)).toEqual([]);

    const nanning = await registeredId(t.db, person('resend-nanning'), now);
    await expect(resendConfirmation(t.db, tokyoManager, EVENT, nanning)).rejects.toThrow();
    expect(await mailsTo(nanning)).toHaveLength(1);
    const tokyo = await registeredId(t.db, person('resend-tokyo', { venue: 'tokyo' }), now);
    expect(await resendConfirmation(t.db, tokyoManager, EVENT, tokyo)).toEqual({ ok: true });
    expect(await mailsTo(tokyo)).toHaveLength(2);
    expect(await auditsOf(erased, 'registration.confirmation.resend')).toEqual([]);
  });
});

describe('approving and rejecting', () => {
  it('an approval is audited with its outcome, and with the message only when there is one', async () => {
    const approval = await category('Decide audits', { requiresApproval: true });
    const quiet = await register('decide-quiet', { category: approval.id });
    const told = await register('decide-told', { category: approval.id });
    expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [quiet] })).toEqual({
      ok: true,
      tally: { seated: 1, inLine: 0, rejected: 0, skipped: 0 },
    });
    expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [told], message: 'Welcome to Nanning.' })).toEqual({
      ok: true,
      tally: { seated: 1, inLine: 0, rejected: 0, skipped: 0 },
    });
    const [quietAudit] = await auditsOf(quiet, 'registration.approve');
    expect(quietAudit).toMatchObject({ eventId, actorUserId: organiser.userId, entity: 'registration' });
    expect(quietAudit!.details).toEqual({ outcome: 'seated' });
    expect((await auditsOf(told, 'registration.approve'))[0]!.details).toEqual({ outcome: 'seated', message: 'Welcome to Nanning.' });
    expect(await row(told)).toMatchObject({ status: 'confirmed', decision: 'approved', decidedBy: organiser.userId });
  });

  it('what is not pending (already decided, never asked, another forum’s, named twice) is skipped, and only approvals that took run their follow-up', async () => {
    const approval = await category('Decide skips', { requiresApproval: true });
    const waiting = await register('decide-waiting', { category: approval.id });
    const plain = await register('decide-plain');
    const followed: string[] = [];
    const ids = [waiting, plain, otherRegistration, waiting];
    expect(
      await approveRegistrations(
        t.db,
        organiser,
        EVENT,
        { ids },
        { afterApproval: async (_db, approved) => void followed.push(approved.registrationId) },
      ),
    ).toEqual({ ok: true, tally: { seated: 1, inLine: 0, rejected: 0, skipped: 3 } });
    expect(followed).toEqual([waiting]);
    expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [waiting] })).toEqual({
      ok: true,
      tally: { seated: 0, inLine: 0, rejected: 0, skipped: 1 },
    });
    expect(await rejectRegistrations(t.db, organiser, EVENT, { ids: [waiting, plain, otherRegistration] })).toEqual({
      ok: true,
      tally: { seated: 0, inLine: 0, rejected: 0, skipped: 3 },
    });
    expect(await row(waiting)).toMatchObject({ status: 'confirmed', decision: 'approved' });
    expect(await row(plain)).toMatchObject({ status: 'confirmed', decision: null });
    expect((await row(otherRegistration)).status).toBe('confirmed');
    expect(await auditsOf(plain, 'registration.reject')).toEqual([]);
    expect(await auditsOf(waiting, 'registration.reject')).toEqual([]);
  });

  it('a rejection cancels, notes who decided, tells the registrant with the message, and is audited with it (or without one)', async () => {
    const approval = await category('Decide rejections', { requiresApproval: true });
    const told = await register('reject-told', { category: approval.id });
    const quiet = await register('reject-quiet', { category: approval.id });
    const before = await row(told);
    expect(await rejectRegistrations(t.db, organiser, EVENT, { ids: [told], message: 'The delegation list is closed.' })).toEqual({
      ok: true,
      tally: { seated: 0, inLine: 0, rejected: 1, skipped: 0 },
    });
    const after = await row(told);
    expect(after).toMatchObject({
      status: 'cancelled',
      decision: 'rejected',
      decidedBy: organiser.userId,
      categoryWaitlistPosition: null,
      sequence: before.sequence + 1,
    });
    expect(after.decidedAt).toEqual(after.cancelledAt);
    expect(after.updatedAt).toEqual(after.cancelledAt);
    expect(after.cancelledAt!.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    const mail = (await mailsTo(told)).at(-1)!;
    expect(mail.kind).toBe('registration.rejected');
    expect((mail.payload as RegistrationMailPayload).props.changes).toEqual(['The delegation list is closed.']);
    expect((await auditsOf(told, 'registration.reject'))[0]).toMatchObject({
      eventId,
      actorUserId: organiser.userId,
      entity: 'registration',
      details: { message: 'The delegation list is closed.' },
    });
    expect(await rejectRegistrations(t.db, organiser, EVENT, { ids: [quiet] })).toMatchObject({ tally: { rejected: 1 } });
    expect(((await mailsTo(quiet)).at(-1)!.payload as RegistrationMailPayload).props.changes).toEqual([]);
    expect((await auditsOf(quiet, 'registration.reject'))[0]!.details).toEqual({});
  });

  it('a rejection from a category’s line closes the gap it leaves; those ahead keep their place', async () => {
    const full = await category('Decide line', { capacity: 1 });
    await register('line-holder', { category: full.id });
    const line = [];
    for (const n of ['line-1', 'line-2', 'line-3', 'line-4']) line.push(await register(n, { category: full.id }));
    expect(await linePlaces(line)).toEqual([1, 2, 3, 4]);
    expect(await rejectRegistrations(t.db, organiser, EVENT, { ids: [line[1]!] })).toMatchObject({ tally: { rejected: 1 } });
    expect(await linePlaces(line)).toEqual([1, null, 2, 3]);
  });

  it('a category gone by the time its lock is taken: the approval is skipped, unaudited, and nothing follows it', async () => {
    const approval = await category('Decide vanished', { requiresApproval: true });
    const id = await register('decide-vanished', { category: approval.id });
    const followed: string[] = [];
    expect(
      await approveRegistrations(
        t.db,
        organiser,
        EVENT,
        { ids: [id] },
        { categoryLock: async () => null, afterApproval: async (_db, approved) => void followed.push(approved.registrationId) },
      ),
    ).toEqual({ ok: true, tally: { seated: 0, inLine: 0, rejected: 0, skipped: 1 } });
    expect(followed).toEqual([]);
    expect(await auditsOf(id, 'registration.approve')).toEqual([]);
    expect((await row(id)).status).toBe('pending');
  });

  it('a pending registration outside every category (no decision is asked of it) is skipped by approval and rejection alike', async () => {
    const approval = await category('Decide uncategorised', { requiresApproval: true });
    const id = await register('decide-uncategorised', { category: approval.id });
    await t.db.update(registrations).set({ categoryId: null }).where(eq(registrations.id, id));
    const skippedOne = { ok: true, tally: { seated: 0, inLine: 0, rejected: 0, skipped: 1 } };
    expect(await approveRegistrations(t.db, organiser, EVENT, { ids: [id] })).toEqual(skippedOne);
    expect(await rejectRegistrations(t.db, organiser, EVENT, { ids: [id] })).toEqual(skippedOne);
    expect(await row(id)).toMatchObject({ status: 'pending', decision: null });
  });

  it.runIf(usingPostgres)(
    'a registration cancelled while its rejection waits for the category’s lock is skipped: no second mail, no audit, no decision',
    async () => {
      const approval = await category('Decide race', { requiresApproval: true });
      const id = await register('decide-race', { category: approval.id });
      const mailsBefore = (await mailsTo(id)).length;
      let rejecting: ReturnType<typeof rejectRegistrations> | undefined;
      await t.db.transaction(async (tx) => {
        await lockCategory(tx, approval.id);
        rejecting = rejectRegistrations(t.db, organiser, EVENT, { ids: [id] });
        await someoneWaitsForALock(t.db);
        await tx.update(registrations).set({ status: 'cancelled', cancelledAt: new Date() }).where(eq(registrations.id, id));
      });
      expect(await rejecting).toEqual({ ok: true, tally: { seated: 0, inLine: 0, rejected: 0, skipped: 1 } });
      expect(await row(id)).toMatchObject({ status: 'cancelled', decision: null, decidedBy: null });
      expect(await mailsTo(id)).toHaveLength(mailsBefore);
      expect(await auditsOf(id, 'registration.reject')).toEqual([]);
    },
  );

  it('refuses a choice of none, of something that is not a registration, of more than 500, or too long a message', async () => {
    const id = await register('decide-input');
    const refused = async (raw: unknown) => [
      fieldsOf(await approveRegistrations(t.db, organiser, EVENT, raw)),
      fieldsOf(await rejectRegistrations(t.db, organiser, EVENT, raw)),
    ];
    expect(await refused({ ids: [] })).toEqual([{ ids: 'chooseRegistrations' }, { ids: 'chooseRegistrations' }]);
    expect(await refused({ ids: ['not-a-uuid'] })).toEqual([{ ids: 'chooseRegistrations' }, { ids: 'chooseRegistrations' }]);
    const many = Array.from({ length: 501 }, () => id);
    expect(await refused({ ids: many })).toEqual([{ ids: 'tooMany?max=500' }, { ids: 'tooMany?max=500' }]);
    const long = await refused({ ids: [id], message: 'x'.repeat(1001) });
    expect(long.map((fields) => Object.keys(fields as object))).toEqual([['message'], ['message']]);
    expect(await refused({ ids: Array.from({ length: 500 }, () => id) })).toEqual(['ok', 'ok']);
    expect((await row(id)).status).toBe('confirmed');
  });
});

describe('an organiser’s edit', () => {
  const details = (n: string, changes: Record<string, unknown> = {}) => ({
    name: `Participant ${n}`,
    email: `p${n}@example.org`,
    organisation: 'Guangxi University',
    jobTitle: 'Researcher',
    country: 'CN',
    participantType: 'young_scientist',
    needs: '',
    locale: 'en',
    category: '',
    ...changes,
  });
  const edit = (id: string, values: Record<string, unknown>, actor: Actor = organiser) =>
    editRegistrationAsOrganiser(t.db, actor, EVENT, id, values);

  it('refuses an erased, a cancelled, and another forum’s registration, changing nothing', async () => {
    const erased = await register('edit-erased');
    await t.db.update(registrations).set({ erasedAt: now }).where(eq(registrations.id, erased));
    const notHere = { ok: false, code: 'not-found', error: 'No such registration in this event' };
    expect(await edit(erased, details('edit-erased', { name: 'Back' }))).toMatchObject(notHere);
    expect(await edit(otherRegistration, details('x', { name: 'Taken over', email: 'elsewhere@example.org' }))).toMatchObject(notHere);
    expect((await row(otherRegistration)).name).toBe('Elsewhere');
    const cancelled = await register('edit-cancelled');
    await t.db.update(registrations).set({ status: 'cancelled', cancelledAt: now }).where(eq(registrations.id, cancelled));
    const before = await row(cancelled);
    expect(fieldsOf(await edit(cancelled, details('edit-cancelled', { name: 'Back' })))).toEqual({ registration: 'registrationCancelled' });
    expect(await row(cancelled)).toEqual(before);
    expect((await row(erased)).name).toBe('Participant edit-erased');
  });

  it('a cancelled registration is refused as such before its details are read, even bad ones', async () => {
    const id = await register('edit-cancelled-bad');
    await t.db.update(registrations).set({ status: 'cancelled', cancelledAt: now }).where(eq(registrations.id, id));
    expect(fieldsOf(await edit(id, details('edit-cancelled-bad', { name: '', email: 'nope', locale: 'xx' })))).toEqual({
      registration: 'registrationCancelled',
    });
  });

  it('a pending registration edited in place stays pending, in its category, undecided', async () => {
    const approval = await category('Edit in place', { requiresApproval: true });
    const id = await register('edit-in-place', { category: approval.id });
    expect(await edit(id, details('edit-in-place', { name: 'Corrected Name', category: approval.id }))).toEqual({ ok: true });
    expect(await row(id)).toMatchObject({ name: 'Corrected Name', status: 'pending', categoryId: approval.id, decision: null });
    expect((await auditsOf(id, 'registration.edit'))[0]!.details).toEqual({ changed: ['name'] });
  });

  it('answers are checked against the questions of the category the registration moves into', async () => {
    const press = await category('Edit press');
    const asked = await createQuestion(t.db, organiser, EVENT, {
      kind: 'short_text',
      label: { en: 'Media outlet' },
      required: true,
      categoryIds: [press.id],
    });
    if (!asked.ok) throw new Error(JSON.stringify(asked));
    const id = await register('edit-press');
    expect(await edit(id, details('edit-press', { jobTitle: 'Editor' }))).toEqual({ ok: true });
    const refused = fieldsOf(await edit(id, details('edit-press', { category: press.id })));
    expect(refused).toEqual({ [`answers.${asked.id}`]: 'required' });
    expect((await row(id)).categoryId).toBeNull();
    expect(await edit(id, details('edit-press', { category: press.id, answers: { [asked.id]: 'Nanning Daily' } }))).toEqual({ ok: true });
    expect((await row(id)).categoryId).toBe(press.id);
  });

  it.runIf(usingPostgres)(
    'a registration cancelled while the edit waits for its row is refused, and nothing of the edit is kept',
    async () => {
      const id = await register('edit-race');
      let editing: ReturnType<typeof edit> | undefined;
      await t.db.transaction(async (tx) => {
        await tx.select().from(registrations).where(eq(registrations.id, id)).for('update');
        editing = edit(id, details('edit-race', { name: 'Too Late' }));
        await someoneWaitsForALock(t.db);
        await tx.update(registrations).set({ status: 'cancelled', cancelledAt: new Date() }).where(eq(registrations.id, id));
      });
      expect(fieldsOf(await editing!)).toEqual({ registration: 'registrationCancelled' });
      expect(await row(id)).toMatchObject({ name: 'Participant edit-race', status: 'cancelled' });
      expect(await auditsOf(id, 'registration.edit')).toEqual([]);
    },
  );

  it('a venue manager edits their own venue’s registrations only', async () => {
    const tokyo = await registeredId(t.db, person('edit-tokyo', { venue: 'tokyo' }), now);
    const nanning = await registeredId(t.db, person('edit-nanning'), now);
    expect(await edit(tokyo, details('edit-tokyo', { name: 'Sato Hana' }), tokyoManager)).toEqual({ ok: true });
    expect((await row(tokyo)).name).toBe('Sato Hana');
    await expect(edit(nanning, details('edit-nanning', { name: 'Not yours' }), tokyoManager)).rejects.toThrow();
    expect((await row(nanning)).name).toBe('Participant edit-nanning');
  });

  it('audits exactly the details that changed, names a category move only when there is one, and counts the change', async () => {
    const id = await register('edit-audit');
    const before = await row(id);
    expect(await edit(id, details('edit-audit', { jobTitle: 'Professor' }))).toEqual({ ok: true });
    const after = await row(id);
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    const open = await category('Edit audit category');
    expect(await edit(id, details('edit-audit', { jobTitle: 'Professor', category: open.id }))).toEqual({ ok: true });
    const audits = await auditsOf(id, 'registration.edit');
    expect(audits.map((a) => a.details)).toEqual([{ changed: ['jobTitle'] }, { changed: [], category: { from: null, to: open.id } }]);
    expect(audits[0]).toMatchObject({ eventId, actorUserId: organiser.userId, entity: 'registration' });
    expect(await row(id)).toMatchObject({ categoryId: open.id, status: 'confirmed' });
  });

  it('an address held only by a cancelled registration is free; one held by a live registration is taken whatever its case', async () => {
    const holder = await register('edit-holder-live');
    const gone = await register('edit-holder-gone');
    await t.db.update(registrations).set({ status: 'cancelled', cancelledAt: now }).where(eq(registrations.id, gone));
    const id = await register('edit-address');
    expect(fieldsOf(await edit(id, details('edit-address', { email: 'PEDIT-HOLDER-LIVE@example.org' })))).toEqual({
      email: 'registrationEmailTaken',
    });
    expect(await edit(id, details('edit-address', { email: 'pedit-holder-gone@example.org' }))).toEqual({ ok: true });
    expect((await row(id)).email).toBe('pedit-holder-gone@example.org');
    expect((await row(holder)).email).toBe('pedit-holder-live@example.org');
  });

  it('a move into a full category changes nothing at all, not even the details sent with it', async () => {
    const full = await category('Edit full', { capacity: 1 });
    await register('edit-full-holder', { category: full.id });
    const id = await register('edit-full-mover');
    const before = await row(id);
    expect(fieldsOf(await edit(id, details('edit-full-mover', { name: 'Renamed', category: full.id })))).toEqual({
      category: 'categoryFull',
    });
    expect(await row(id)).toEqual(before);
    expect(await auditsOf(id, 'registration.edit')).toEqual([]);
  });

  it('a pending registration taken out of a category’s line closes its gap; into an approval category it waits undecided, outside any line', async () => {
    const full = await category('Edit line', { capacity: 1 });
    const approval = await category('Edit needs approval', { requiresApproval: true });
    await register('edit-line-holder', { category: full.id });
    const line = [];
    for (const n of ['edit-line-1', 'edit-line-2', 'edit-line-3']) line.push(await register(n, { category: full.id }));
    expect(await linePlaces(line)).toEqual([1, 2, 3]);
    expect(await edit(line[0]!, details('edit-line-1', { category: approval.id }))).toEqual({ ok: true });
    expect(await row(line[0]!)).toMatchObject({
      status: 'pending',
      categoryId: approval.id,
      categoryWaitlistPosition: null,
      decision: null,
    });
    expect(await linePlaces(line.slice(1))).toEqual([1, 2]);
    const counts = await t.db
      .select({ id: attendeeCategories.id, count: attendeeCategories.confirmedCount })
      .from(attendeeCategories)
      .where(inArray(attendeeCategories.id, [full.id, approval.id]))
      .orderBy(asc(attendeeCategories.position), asc(attendeeCategories.id));
    expect(Object.fromEntries(counts.map((c) => [c.id, c.count]))).toEqual({ [full.id]: 1, [approval.id]: 0 });
  });
});
