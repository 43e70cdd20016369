// A category's rules at registration (check-category.ts): its window to the instant, the venues it
// allows, an unknown or another forum's category, a code of another category; and what a pending
// registration keeps (register-in-category.ts): every field it was given, the sessions it asked for,
// its answers, its mail, its place in the category's line, its audit entry, an address already
// registered, a code used up between the check and the write, and a category deleted meanwhile.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeCategories, auditLog, categoryInvitationCodes, outbox, registrationAnswers, registrations } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { createQuestion } from '@/lib/registration/questions/admin/save-question';
import { MANAGE_LINK_RESEND_MS } from '@/lib/registration/record-registrations';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { insertCategory, onlinePerson } from '../helpers/delegations';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, sessionBySlug, venueBySlug } from '../helpers/registration';
import { seatInvariantBreaches } from '../helpers/seat-invariants';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let otherEventId: string;
let organiser: Actor;
let visaQuestion: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  otherEventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', slug: 'other-forum', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.rules@forum.test', { eventSlug: EVENT, role: 'organiser' });
  const saved = await createQuestion(t.db, organiser, EVENT, { kind: 'yes_no', label: { en: 'Do you need a visa letter?' } });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  visaQuestion = saved.id;
});
afterAll(() => t?.close());

const category = (name: string, values: Parameters<typeof insertCategory>[3] = {}) => insertCategory(t.db, eventId, name, values);

const online = onlinePerson;

/** A refusal's fields exactly, another refusal's code, or 'ok'. */
function outcomeOf(result: { ok: boolean; code?: string; fields?: Record<string, string> }) {
  return result.ok ? 'ok' : result.code === 'invalid' ? result.fields : result.code;
}

async function stored(email: string) {
  const [row] = await t.db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.email, email)));
  return row;
}

async function mailsTo(registrationId: string) {
  const rows = await t.db.select().from(outbox).where(eq(outbox.registrationId, registrationId));
  return rows.map((row) => ({
    kind: row.kind,
    categoryPosition: (row.payload as { props?: { categoryPosition?: number } } | null)?.props?.categoryPosition ?? null,
  }));
}

describe(`a category's rules at registration (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('its window holds to the instant: before it opens and from its closing instant refused; its opening and last instants taken', async () => {
    const windowed = await category('Rules windowed', {
      opensAt: new Date('2026-12-05T00:00:00Z'),
      closesAt: new Date('2026-12-10T00:00:00Z'),
    });
    const at = async (tag: string, iso: string) =>
      outcomeOf(await registerAttendee(t.db, EVENT, online(`window-${tag}`, { category: windowed.id }), { now: new Date(iso) }));
    expect(await at('early', '2026-12-04T23:59:59.999Z')).toEqual({ category: 'categoryNotYet' });
    expect(await at('opening', '2026-12-05T00:00:00Z')).toBe('ok');
    expect(await at('last', '2026-12-09T23:59:59.999Z')).toBe('ok');
    expect(await at('closing', '2026-12-10T00:00:00Z')).toEqual({ category: 'categoryClosed' });
    expect(await at('late', '2026-12-20T00:00:00Z')).toEqual({ category: 'categoryClosed' });
    expect(await stored('pwindow-early@example.org')).toBeUndefined();
    expect(await stored('pwindow-closing@example.org')).toBeUndefined();
  });

  it('the venues it allows: another venue refused, its own taken, online taken; a category naming no venue takes any', async () => {
    const bangkok = await venueBySlug(t.db, 'bangkok');
    const bangkokOnly = await category('Rules Bangkok only', { allowedVenueIds: [bangkok.id] });
    const anywhere = await category('Rules anywhere');
    const register = async (tag: string, values: Record<string, unknown>) =>
      outcomeOf(await registerAttendee(t.db, EVENT, person(`venues-${tag}`, values), { now }));
    expect(await register('nanning', { category: bangkokOnly.id, venue: 'nanning' })).toEqual({ venue: 'categoryVenue' });
    expect(await register('bangkok', { category: bangkokOnly.id, venue: 'bangkok' })).toBe('ok');
    expect(await register('online', { category: bangkokOnly.id, mode: 'online', venue: null })).toBe('ok');
    expect(await register('seoul', { category: anywhere.id, venue: 'seoul' })).toBe('ok');
    expect((await stored('pvenues-bangkok@example.org'))!.venueId).toBe(bangkok.id);
    expect(await stored('pvenues-nanning@example.org')).toBeUndefined();
  });

  it('an unknown category and another forum’s answer alike; a code of another category is a wrong code; nothing stored', async () => {
    const [foreign] = await t.db
      .insert(attendeeCategories)
      .values({ eventId: otherEventId, name: { en: 'Other forum’s delegates' } })
      .returning();
    const hidden = await category('Rules hidden', { visibility: 'invitation' });
    const open = await category('Rules open');
    const onlineOnly = await category('Rules online only', { allowedModes: ['online'] });
    await t.db
      .insert(categoryInvitationCodes)
      .values({ eventId, categoryId: hidden.id, code: 'RULES2345A', maxUses: 5, expiresAt: new Date('2027-01-01') });
    const register = async (tag: string, values: Record<string, unknown>) =>
      outcomeOf(await registerAttendee(t.db, EVENT, online(`ids-${tag}`, values), { now }));
    expect(await register('unknown', { category: '7d4f3c1e-5b1a-4c6e-9a38-2f0b1d9e8c77' })).toEqual({ category: 'category' });
    expect(await register('foreign', { category: foreign!.id })).toEqual({ category: 'category' });
    expect(await register('hidden', { category: hidden.id })).toEqual({ category: 'category' });
    expect(await register('crossed', { category: open.id, code: 'RULES2345A' })).toEqual({ code: 'invitationCode' });
    // The code is checked first: a wrong code is named as such whatever else is wrong, and a code
    // given for an unknown category is a wrong code too.
    expect(await register('crossed-mode', { category: onlineOnly.id, code: 'RULES2345A', mode: 'in_person', venue: 'nanning' })).toEqual({
      code: 'invitationCode',
    });
    expect(await register('unknown-coded', { category: '7d4f3c1e-5b1a-4c6e-9a38-2f0b1d9e8c77', code: 'RULES2345A' })).toEqual({
      code: 'invitationCode',
    });
    for (const tag of ['unknown', 'foreign', 'hidden', 'crossed']) expect(await stored(`pids-${tag}@example.org`)).toBeUndefined();
    expect(await register('coded', { category: hidden.id, code: 'RULES2345A' })).toBe('ok');
    expect((await stored('pids-coded@example.org'))!.categoryId).toBe(hidden.id);
  });
});

describe(`what a pending registration keeps (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('awaiting approval: every field, the sessions asked for with their seats, the answers, the pending mail and the audit entry', async () => {
    const keynote = await sessionBySlug(t.db, 'opening-ceremony');
    const seoulPanel = await sessionBySlug(t.db, 'seoul-clinical-data');
    const seoul = await venueBySlug(t.db, 'seoul');
    const approval = await category('Rules approval', { requiresApproval: true });
    const result = await registerAttendee(
      t.db,
      EVENT,
      person('kept', {
        category: approval.id,
        venue: 'seoul',
        organisation: 'KAIST',
        jobTitle: 'Professor',
        country: 'KR',
        participantType: 'research_institute',
        locale: 'ko',
        needs: 'Halal meals',
        sessions: [keynote, seoulPanel],
        answers: { [visaQuestion]: true },
      }),
      { now },
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    const row = (await stored('pkept@example.org'))!;
    expect(row).toMatchObject({
      id: result.registration.id,
      name: 'Participant kept',
      organisation: 'KAIST',
      jobTitle: 'Professor',
      country: 'KR',
      participantType: 'research_institute',
      mode: 'in_person',
      venueId: seoul.id,
      status: 'pending',
      needs: 'Halal meals',
      locale: 'ko',
      consentAt: now,
      manageLinkSentAt: now,
      categoryId: approval.id,
      categoryWaitlistPosition: null,
      delegationId: null,
      delegationHead: false,
      mailToHead: false,
    });
    // Nanning's opening followed from Seoul holds no seat there; Seoul's own panel does.
    expect(row.requestedSessions).toEqual([
      { sessionId: keynote, seat: false },
      { sessionId: seoulPanel, seat: true },
    ]);
    const answers = await t.db.select().from(registrationAnswers).where(eq(registrationAnswers.registrationId, row.id));
    expect(answers.map((a) => [a.questionId, a.boolValue])).toEqual([[visaQuestion, true]]);
    expect(await mailsTo(row.id)).toEqual([{ kind: 'registration.pending', categoryPosition: null }]);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row.id));
    expect(audit.map((a) => [a.action, a.entity, a.actorUserId, a.details])).toEqual([
      [
        'registration.create',
        'registration',
        null,
        { mode: 'in_person', venue: seoul.id, status: 'pending', sessions: 2, category: approval.id },
      ],
    ]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('a full category: each next registration waits at the next place of its line, named in its mail', async () => {
    const one = await category('Rules one place', { capacity: 1 });
    const ids: string[] = [];
    for (const tag of ['first', 'second', 'third']) {
      const result = await registerAttendee(t.db, EVENT, online(`line-${tag}`, { category: one.id }), { now });
      if (!result.ok) throw new Error(JSON.stringify(result));
      ids.push(result.registration.id);
    }
    const rows = await Promise.all(ids.map((id) => t.db.select().from(registrations).where(eq(registrations.id, id))));
    expect(rows.map(([r]) => [r!.status, r!.categoryWaitlistPosition])).toEqual([
      ['confirmed', null],
      ['pending', 1],
      ['pending', 2],
    ]);
    expect(await mailsTo(ids[2]!)).toEqual([{ kind: 'registration.category-waitlisted', categoryPosition: 2 }]);
  });

  it('an address already registered is not written again: its manage link is sent again at most once in ten minutes', async () => {
    const approval = await category('Rules approval twice', { requiresApproval: true });
    const first = await registerAttendee(t.db, EVENT, online('twice', { category: approval.id }), { now });
    if (!first.ok) throw new Error(JSON.stringify(first));
    const again = (at: Date) => registerAttendee(t.db, EVENT, online('twice', { category: approval.id, name: 'Impostor' }), { now: at });
    expect(await again(new Date(now.getTime() + 60_000))).toMatchObject({ ok: false, code: 'conflict', email: 'ptwice@example.org' });
    expect((await mailsTo(first.registration.id)).map((m) => m.kind)).toEqual(['registration.pending']);
    expect(outcomeOf(await again(new Date(now.getTime() + MANAGE_LINK_RESEND_MS)))).toBe('conflict');
    expect((await mailsTo(first.registration.id)).map((m) => m.kind).sort()).toEqual(['registration.manage-link', 'registration.pending']);
    const all = await t.db.select().from(registrations).where(eq(registrations.categoryId, approval.id));
    expect(all.map((r) => r.name)).toEqual(['Participant twice']);
  });

  it('an address already registered takes no place of an open category: its count stays', async () => {
    const few = await category('Rules few places', { capacity: 3 });
    const first = await registerAttendee(t.db, EVENT, online('few-first', { category: few.id }), { now });
    expect(first).toMatchObject({ ok: true });
    expect(await registerAttendee(t.db, EVENT, online('few-first', { category: few.id }), { now })).toMatchObject({
      ok: false,
      code: 'conflict',
      email: 'pfew-first@example.org',
    });
    const [row] = await t.db.select().from(attendeeCategories).where(eq(attendeeCategories.id, few.id));
    expect(row!.confirmedCount).toBe(1);
  });

  it('a code used up by others between the check and the write keeps nothing, pending or seated; a category deleted meanwhile is not found', async () => {
    const hidden = await category('Rules hidden used up', { visibility: 'invitation' });
    const hiddenApproval = await category('Rules hidden approval', { visibility: 'invitation', requiresApproval: true });
    for (const [categoryId, code] of [
      [hidden.id, 'USEDUP234A'],
      [hiddenApproval.id, 'USEDUP234B'],
    ] as const)
      await t.db.insert(categoryInvitationCodes).values({ eventId, categoryId, code, maxUses: 1, expiresAt: new Date('2027-01-01') });
    const usedUp = { now, redeemCode: async () => false };
    expect(
      outcomeOf(await registerAttendee(t.db, EVENT, online('usedup-seated', { category: hidden.id, code: 'USEDUP234A' }), usedUp)),
    ).toEqual({
      code: 'invitationCode',
    });
    expect(
      outcomeOf(await registerAttendee(t.db, EVENT, online('usedup-pending', { category: hiddenApproval.id, code: 'USEDUP234B' }), usedUp)),
    ).toEqual({ code: 'invitationCode' });
    expect(await stored('pusedup-seated@example.org')).toBeUndefined();
    expect(await stored('pusedup-pending@example.org')).toBeUndefined();
    const [seatedCategory] = await t.db.select().from(attendeeCategories).where(eq(attendeeCategories.id, hidden.id));
    expect(seatedCategory!.confirmedCount).toBe(0);

    const open = await category('Rules deleted meanwhile');
    const deleted = await registerAttendee(t.db, EVENT, online('deleted', { category: open.id }), { now, categoryLock: async () => null });
    expect(deleted).toEqual({ ok: false, code: 'not-found', error: 'No such category' });
    expect(await stored('pdeleted@example.org')).toBeUndefined();
  });
});
