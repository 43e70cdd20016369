// An organiser changes a registration's details, category and answers from its page (checked like the
// form, audited, category places held under the lock), and resends its confirmation through the
// outbox, received over SMTP.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeCategories, auditLog, outbox, registrations } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { editRegistrationAsOrganiser } from '@/lib/registration/admin/edit-registration';
import { resendConfirmation } from '@/lib/registration/admin/resend-confirmation';
import { answersOf } from '@/lib/registration/questions/read-answers';
import { createQuestion } from '@/lib/registration/questions/admin/save-question';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';
import { seatInvariantBreaches } from '../helpers/seat-invariants';
import { startSmtpServer } from '../helpers/smtp';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;
let viewer: Actor;
let otherOrganiser: Actor;
let note: string;

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.edit@forum.test', { eventSlug: EVENT, role: 'organiser' });
  viewer = await actorFor(t.db, 'viewer.edit@forum.test', { eventSlug: EVENT, role: 'viewer' });
  otherOrganiser = await actorFor(t.db, 'other.edit@forum.test');
  const saved = await createQuestion(t.db, organiser, EVENT, { kind: 'short_text', label: { en: 'Passport number' } });
  if (!saved.ok) throw new Error('question');
  note = saved.id;
});
afterAll(() => t?.close());

async function category(name: string, values: Partial<typeof attendeeCategories.$inferInsert> = {}) {
  const [row] = await t.db
    .insert(attendeeCategories)
    .values({ eventId, name: { en: name }, ...values })
    .returning();
  return row!;
}

async function register(n: string, overrides: Record<string, unknown> = {}) {
  const r = await registerAttendee(t.db, EVENT, person(n, { mode: 'online', venue: null, ...overrides }), { now });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.registration.id;
}

const row = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!;
const countOf = async (id: string) =>
  (await t.db.select().from(attendeeCategories).where(eq(attendeeCategories.id, id)))[0]!.confirmedCount;

function edit(id: string, changes: Record<string, unknown>, actor: Actor = organiser) {
  return editRegistrationAsOrganiser(t.db, actor, EVENT, id, {
    name: 'Participant',
    email: 'x@example.org',
    organisation: '',
    jobTitle: '',
    country: 'CN',
    participantType: 'government',
    needs: '',
    locale: 'en',
    category: '',
    ...changes,
  });
}

describe('an organiser edits a registration', () => {
  it('changes every detail and an answer, audited with the names of the changed fields only', async () => {
    const id = await register('edit-all', { answers: { [note]: 'E123' } });
    const result = await edit(id, {
      name: 'Nguyen Thi Lan',
      email: 'Lan.Nguyen@Example.org',
      organisation: 'Ministry of Science and Technology',
      jobTitle: 'Director',
      country: 'VN',
      participantType: 'government',
      needs: 'Halal meals',
      locale: 'ko',
      answers: { [note]: 'C9876543' },
    });
    expect(result).toEqual({ ok: true });
    expect(await row(id)).toMatchObject({
      name: 'Nguyen Thi Lan',
      email: 'lan.nguyen@example.org',
      organisation: 'Ministry of Science and Technology',
      jobTitle: 'Director',
      country: 'VN',
      participantType: 'government',
      needs: 'Halal meals',
      locale: 'ko',
      status: 'confirmed',
    });
    expect((await answersOf(t.db, [id])).get(id)?.get(note)?.textValue).toBe('C9876543');
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'registration.edit')));
    expect(audit!.actorUserId).toBe(organiser.userId);
    expect((audit!.details as { changed: string[] }).changed.sort()).toEqual(
      ['name', 'email', 'organisation', 'jobTitle', 'country', 'participantType', 'needs', 'locale'].sort(),
    );
  });

  it('refuses bad input field by field, an address another registration holds, and keeps everything as it was', async () => {
    const id = await register('edit-bad');
    await register('edit-holder');
    const before = await row(id);
    const bad = await edit(id, { name: '', email: 'not an address', country: 'XX', participantType: 'king', locale: 'fr' });
    expect(bad).toMatchObject({ ok: false, code: 'invalid' });
    expect(Object.keys((bad as { fields: object }).fields).sort()).toEqual(['country', 'email', 'locale', 'name', 'participantType']);
    const taken = await edit(id, { name: 'Someone', email: 'pedit-holder@example.org' });
    expect(taken).toMatchObject({ ok: false, fields: { email: 'registrationEmailTaken' } });
    const unknownCategory = await edit(id, {
      name: 'Someone',
      email: 'free@example.org',
      category: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownCategory).toMatchObject({ ok: false, fields: { category: 'category' } });
    expect(await row(id)).toEqual(before);
  });

  it('moves a registration between categories under the locks: a place taken in the new one, the old one’s freed place goes to its line', async () => {
    const small = await category('Edit small', { capacity: 1 });
    const other = await category('Edit other', { capacity: 1 });
    const holder = await register('edit-move', { category: small.id });
    const waiting = await register('edit-waiting', { category: small.id });
    expect((await row(waiting)).categoryWaitlistPosition).toBe(1);
    expect(await edit(holder, { name: 'Mover', email: 'pedit-move@example.org', category: other.id })).toEqual({ ok: true });
    expect(await row(holder)).toMatchObject({ categoryId: other.id, status: 'confirmed' });
    expect(await row(waiting)).toMatchObject({ status: 'confirmed', categoryWaitlistPosition: null });
    expect([await countOf(small.id), await countOf(other.id)]).toEqual([1, 1]);
    // The other category is now full: a move into it is refused and nothing changes.
    const third = await register('edit-third');
    expect(await edit(third, { name: 'Third', email: 'pedit-third@example.org', category: other.id })).toMatchObject({
      ok: false,
      fields: { category: 'categoryFull' },
    });
    expect((await row(third)).categoryId).toBeNull();
    // Out of every category: the place is freed.
    expect(await edit(holder, { name: 'Mover', email: 'pedit-move@example.org', category: '' })).toEqual({ ok: true });
    expect(await countOf(other.id)).toBe(0);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('a pending registration moved to a category without approval is admitted there; it cannot leave every category undecided', async () => {
    const approval = await category('Edit approval', { requiresApproval: true });
    const open = await category('Edit open');
    const id = await register('edit-pending', { category: approval.id });
    expect((await row(id)).status).toBe('pending');
    expect(await edit(id, { name: 'Pending', email: 'pedit-pending@example.org', category: '' })).toMatchObject({
      ok: false,
      fields: { category: 'decideFirst' },
    });
    expect(await edit(id, { name: 'Pending', email: 'pedit-pending@example.org', category: open.id })).toEqual({ ok: true });
    expect(await row(id)).toMatchObject({ status: 'confirmed', categoryId: open.id });
    expect(await countOf(open.id)).toBe(1);
  });

  it('only the event’s organisers (and venue managers within their venue) may edit or resend', async () => {
    const id = await register('edit-auth');
    const before = await row(id);
    await expect(edit(id, { name: 'Viewer', email: 'pedit-auth@example.org' }, viewer)).rejects.toThrow();
    await expect(edit(id, { name: 'Other', email: 'pedit-auth@example.org' }, otherOrganiser)).rejects.toThrow();
    await expect(resendConfirmation(t.db, viewer, EVENT, id)).rejects.toThrow();
    expect(await row(id)).toEqual(before);
  });
});

describe('resending the confirmation', () => {
  it('queues the mail for where the registration stands, audited, and it arrives over SMTP in the registrant’s language', async () => {
    const id = await register('resend', { locale: 'zh' });
    const queued = async () => (await t.db.select().from(outbox).where(eq(outbox.registrationId, id))).length;
    const before = await queued();
    expect(await resendConfirmation(t.db, organiser, EVENT, id)).toEqual({ ok: true });
    expect(await queued()).toBe(before + 1);
    const smtp = await startSmtpServer();
    const transport = smtpTransport(smtp.url, { maxConnections: 1 });
    try {
      while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).sent > 0);
    } finally {
      transport.close();
      await smtp.close();
    }
    const mails = smtp.received.filter((m) => m.envelope.to.includes('presend@example.org'));
    expect(mails).toHaveLength(before + 1);
    expect(mails.every((m) => m.parsed.subject === mails[0]!.parsed.subject)).toBe(true);
    expect(mails.at(-1)!.parsed.text).toContain('/manage/');
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'registration.confirmation.resend')));
    expect(audit).toBeDefined();
    // A cancelled registration gets none.
    await t.db.update(registrations).set({ status: 'cancelled', cancelledAt: now }).where(eq(registrations.id, id));
    expect(await resendConfirmation(t.db, organiser, EVENT, id)).toMatchObject({
      ok: false,
      fields: { registration: 'registrationCancelled' },
    });
  });
});
