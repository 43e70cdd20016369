// What a delegation's registration writes beside its places (register-delegation.ts) and the head's
// side of it (head.ts): what each member takes from the head and what stays their own, the forum's
// and the category's windows when a head adds a member, refusals of bad input and of an erased head
// or member, and the audit entry of each action.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, categoryInvitationCodes, delegations, registrationAnswers, registrationSessions, registrations } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import {
  addDelegationMember,
  cancelDelegationMember,
  changeDelegationMember,
  delegationForHead,
  delegationOf,
} from '@/lib/registration/delegations/head';
import { approveDelegation, approveDelegationOf } from '@/lib/registration/delegations/approve-delegation';
import { registerDelegation } from '@/lib/registration/delegations/register-delegation';
import { rejectRegistrations } from '@/lib/registration/admin/categories/decide';
import { AuthorizationError } from '@/lib/auth/authorize';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { createQuestion } from '@/lib/registration/questions/admin/save-question';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { delegationInput, insertCategory, onlinePerson } from '../helpers/delegations';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { fieldsOf } from '../helpers/results';
import { EVENT, person, sessionBySlug, venueBySlug } from '../helpers/registration';
import { seatInvariantBreaches } from '../helpers/seat-invariants';
import { smallVenue } from '../helpers/seat-standing';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;
let visaQuestion: string;

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.heads@forum.test', { eventSlug: EVENT, role: 'organiser' });
  await seedDemoForum(t.db, { firstDay: '2026-12-24', slug: 'other-heads-forum', now: new Date('2026-11-20T00:00:00Z') });
  const saved = await createQuestion(t.db, organiser, EVENT, { kind: 'yes_no', label: { en: 'Do you need a visa letter?' } });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  visaQuestion = saved.id;
});
afterAll(() => t?.close());

const category = (name: string, values: Parameters<typeof insertCategory>[3] = {}) => insertCategory(t.db, eventId, name, values);

const online = onlinePerson;

/** Registers a delegation and answers its head's manage token with the rows, head first. */
async function registered(tag: string, size: number, overrides: Record<string, unknown> = {}, at = now) {
  const result = await registerDelegation(t.db, EVENT, delegationInput(tag, size, overrides), { now: at });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const view = await delegationForHead(t.db, manageTokenFor((await group(result.delegationId))[0]!.id));
  return { ...result, token: manageTokenFor(view!.head.id), view: view! };
}

async function group(delegationId: string) {
  const rows = await t.db.select().from(registrations).where(eq(registrations.delegationId, delegationId));
  return rows.sort((a, b) => Number(b.delegationHead) - Number(a.delegationHead) || a.name.localeCompare(b.name));
}

async function byId(id: string) {
  const [row] = await t.db.select().from(registrations).where(eq(registrations.id, id));
  return row!;
}

async function auditOf(action: string, entityId: string) {
  return t.db
    .select({ action: auditLog.action, entity: auditLog.entity, actor: auditLog.actorUserId, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));
}

async function visaAnswers(registrationIds: string[]) {
  const answers = await t.db.select().from(registrationAnswers).where(eq(registrationAnswers.questionId, visaQuestion));
  return registrationIds.map((id) => answers.find((a) => a.registrationId === id)?.boolValue ?? 'no answer');
}

describe(`what a delegation's registration writes (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('members take the head’s attendance, venue, country, type, language and answers; their own name, organisation and job title; none of the head’s sessions or needs', async () => {
    const keynote = await sessionBySlug(t.db, 'opening-ceremony');
    const bangkok = await venueBySlug(t.db, 'bangkok');
    const input = {
      ...person('copy-head', {
        venue: 'bangkok',
        country: 'TH',
        participantType: 'government',
        locale: 'zh',
        sessions: [keynote],
        needs: 'Wheelchair access',
        answers: { [visaQuestion]: true },
      }),
      delegation: { name: 'Delegation copy', country: 'TH', agency: 'NSTDA' },
      members: [
        { name: 'Member copy A', email: 'a.copy@example.org', organisation: 'NECTEC', jobTitle: 'Director' },
        { name: 'Member copy B', email: 'b.copy@example.org' },
      ],
    };
    const result = await registerDelegation(t.db, EVENT, input, { now });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result).toEqual({
      ok: true,
      receipt: {
        received: true,
        email: 'pcopy-head@example.org',
        message: 'We have sent a confirmation with your manage link to pcopy-head@example.org. Please check your inbox.',
      },
      delegationId: expect.any(String),
      members: 3,
      pending: false,
    });
    const [delegation] = await t.db.select().from(delegations).where(eq(delegations.id, result.delegationId));
    expect(delegation).toMatchObject({ eventId, name: 'Delegation copy', country: 'TH', agency: 'NSTDA' });

    const [head, a, b] = await group(result.delegationId);
    const shared = (r: typeof head) => [r!.mode, r!.venueId, r!.country, r!.participantType, r!.locale, r!.status, r!.categoryId];
    expect([head, a, b].map(shared)).toEqual(Array(3).fill(['in_person', bangkok.id, 'TH', 'government', 'zh', 'confirmed', null]));
    expect([head, a, b].map((r) => [r!.name, r!.organisation, r!.jobTitle, r!.needs, r!.delegationHead, r!.mailToHead])).toEqual([
      ['Participant copy-head', 'Guangxi University', 'Researcher', 'Wheelchair access', true, false],
      ['Member copy A', 'NECTEC', 'Director', '', false, false],
      ['Member copy B', '', '', '', false, false],
    ]);
    const seats = await t.db.select().from(registrationSessions).where(eq(registrationSessions.sessionId, keynote));
    expect(seats.filter((s) => [head!.id, a!.id, b!.id].includes(s.registrationId)).map((s) => s.registrationId)).toEqual([head!.id]);
    expect(await visaAnswers([head!.id, a!.id, b!.id])).toEqual([true, true, true]);
    // Each member's own registration entry counts none of the head's sessions.
    expect(
      (await Promise.all([head, a, b].map((r) => auditOf('registration.create', r!.id)))).map((entries) => entries.map((e) => e.details)),
    ).toEqual([
      [{ mode: 'in_person', venue: bangkok.id, status: 'confirmed', sessions: 1 }],
      [{ mode: 'in_person', venue: bangkok.id, status: 'confirmed', sessions: 0 }],
      [{ mode: 'in_person', venue: bangkok.id, status: 'confirmed', sessions: 0 }],
    ]);
    expect(await auditOf('delegation.create', result.delegationId)).toEqual([
      {
        action: 'delegation.create',
        entity: 'delegation',
        actor: null,
        details: { name: 'Delegation copy', members: 3, pending: false, category: null },
      },
    ]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('a delegation in a category that needs approval: all pending, the audit says so and names the category', async () => {
    const approval = await category('Heads approval', { requiresApproval: true });
    const result = await registerDelegation(t.db, EVENT, delegationInput('pending', 2, { category: approval.id }), { now });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result).toMatchObject({ members: 2, pending: true });
    expect((await group(result.delegationId)).map((r) => [r.status, r.categoryId])).toEqual([
      ['pending', approval.id],
      ['pending', approval.id],
    ]);
    expect((await auditOf('delegation.create', result.delegationId))[0]!.details).toEqual({
      name: 'Delegation pending',
      members: 2,
      pending: true,
      category: approval.id,
    });
  });

  it('an unknown forum answers not found as it is; no input at all names the delegation and its members; the head’s and the members’ errors come in one answer; nothing is stored', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(delegations);
    expect(await registerDelegation(t.db, 'no-such-forum', delegationInput('nowhere', 2), { now })).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such forum',
    });
    const empty = await registerDelegation(t.db, EVENT, null, { now });
    expect(fieldsOf(empty)).toEqual({ body: 'required', delegation: 'required', members: 'required' });
    // The head's own fields and the members' are named in one answer.
    const both = await registerDelegation(t.db, EVENT, { ...delegationInput('both', 2), email: 'nope', members: [{ name: '' }] }, { now });
    expect(both).toMatchObject({
      ok: false,
      fields: { email: 'email', 'members.0.name': 'required', 'members.0.email': expect.any(String) },
    });
    expect(await t.db.select({ n: sql<number>`count(*)::int` }).from(delegations)).toEqual(before);
  });

  it('a category deleted between the check and its lock fails the whole delegation loudly; nothing is kept', async () => {
    const gone = await category('Heads vanished');
    await expect(
      registerDelegation(t.db, EVENT, delegationInput('vanished', 2, { category: gone.id }), { now, categoryLock: async () => null }),
    ).rejects.toThrow(`category ${gone.id} vanished`);
    expect(await t.db.select().from(delegations).where(eq(delegations.name, 'Delegation vanished'))).toEqual([]);
    expect(await t.db.select().from(registrations).where(eq(registrations.email, 'pvanished-head@example.org'))).toEqual([]);
  });

  it('an invitation code used up by others between the check and the write refuses the whole delegation; nothing is kept', async () => {
    const hidden = await category('Heads hidden', { visibility: 'invitation' });
    await t.db
      .insert(categoryInvitationCodes)
      .values({ eventId, categoryId: hidden.id, code: 'HEADS2345A', maxUses: 1, expiresAt: new Date('2027-01-01') });
    const usedUp = await registerDelegation(t.db, EVENT, delegationInput('usedup', 2, { category: hidden.id, code: 'HEADS2345A' }), {
      now,
      redeemCode: async () => false,
    });
    expect(fieldsOf(usedUp)).toEqual({ code: 'invitationCode' });
    expect(await t.db.select().from(delegations).where(eq(delegations.name, 'Delegation usedup'))).toEqual([]);
    expect(await t.db.select().from(registrations).where(eq(registrations.categoryId, hidden.id))).toEqual([]);
    const [code] = await t.db.select().from(categoryInvitationCodes).where(eq(categoryInvitationCodes.code, 'HEADS2345A'));
    expect(code!.uses).toBe(0);
  });
});

describe(`the head adds a member (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('only while the forum’s and the category’s registration are open: before, after and at the closing instant refused, nothing written', async () => {
    const windowed = await category('Heads windowed', {
      opensAt: new Date('2026-12-05T00:00:00Z'),
      closesAt: new Date('2026-12-10T00:00:00Z'),
    });
    const { token, delegationId } = await registered('window', 2, { category: windowed.id }, new Date('2026-12-06T00:00:00Z'));
    const member = (n: string) => ({ name: `Added ${n}`, email: `added.${n}.window@example.org` });
    const cases: [string, Date, string][] = [
      ['forum not open yet', new Date('2026-11-19T00:00:00Z'), 'registrationClosed'],
      ['forum closed', new Date('2027-01-10T00:00:00Z'), 'registrationClosed'],
      ['category not open yet', new Date('2026-12-04T23:59:59Z'), 'categoryNotYet'],
      ['category closing instant', new Date('2026-12-10T00:00:00Z'), 'categoryClosed'],
      ['category closed', new Date('2026-12-11T00:00:00Z'), 'categoryClosed'],
    ];
    for (const [tag, at, message] of cases) {
      expect([tag, fieldsOf(await addDelegationMember(t.db, token, member(tag.replaceAll(' ', '-')), at))]).toEqual([
        tag,
        { email: message },
      ]);
    }
    expect(await group(delegationId)).toHaveLength(2);
    // The instant the category opens and the last instant before it closes are inside.
    expect(await addDelegationMember(t.db, token, member('opening'), new Date('2026-12-05T00:00:00Z'))).toEqual({ ok: true });
    expect(await addDelegationMember(t.db, token, member('last'), new Date('2026-12-09T23:59:59Z'))).toEqual({ ok: true });
    expect((await group(delegationId)).map((r) => r.name)).toEqual([
      'Participant window-head',
      'Added last',
      'Added opening',
      'Member window 0',
    ]);
  });

  it('a member added takes the head’s attendance, venue, language, category and answers, pending when the category needs approval; audited with the delegation', async () => {
    const approval = await category('Heads approval add', { requiresApproval: true });
    const seoul = await venueBySlug(t.db, 'seoul');
    const { token, delegationId } = await registered('adds', 2, {
      category: approval.id,
      mode: 'in_person',
      venue: 'seoul',
      locale: 'ko',
      country: 'KR',
      answers: { [visaQuestion]: false },
    });
    expect(
      await addDelegationMember(
        t.db,
        token,
        { name: 'Added Kim', email: 'kim.adds@example.org', organisation: 'KISTEP', jobTitle: 'Fellow', mailToHead: 'on' },
        now,
      ),
    ).toEqual({ ok: true });
    const added = (await group(delegationId)).find((r) => r.name === 'Added Kim')!;
    expect(added).toMatchObject({
      status: 'pending',
      categoryId: approval.id,
      mode: 'in_person',
      venueId: seoul.id,
      locale: 'ko',
      country: 'KR',
      participantType: 'young_scientist',
      organisation: 'KISTEP',
      jobTitle: 'Fellow',
      delegationHead: false,
      mailToHead: true,
      needs: '',
    });
    expect(await visaAnswers([added.id])).toEqual([false]);
    expect(await auditOf('delegation.member.add', added.id)).toEqual([
      { action: 'delegation.member.add', entity: 'registration', actor: null, details: { delegation: 'Delegation adds' } },
    ]);
  });

  it('bad input, an address already registered, and an erased head are refused; nothing written', async () => {
    const { token, delegationId, view } = await registered('addbad', 2);
    expect(fieldsOf(await addDelegationMember(t.db, token, { name: '', email: 'not-an-address' }, now))).toEqual({
      name: 'required',
      email: 'email',
    });
    expect(await registerAttendee(t.db, EVENT, online('addbad-taken'), { now })).toMatchObject({ ok: true });
    expect(fieldsOf(await addDelegationMember(t.db, token, { name: 'Taken', email: 'paddbad-taken@example.org' }, now))).toEqual({
      email: 'memberTaken',
    });
    expect(await group(delegationId)).toHaveLength(2);
    await t.db.update(registrations).set({ erasedAt: now }).where(eq(registrations.id, view.head.id));
    expect(await delegationForHead(t.db, token)).toBeNull();
    expect(await addDelegationMember(t.db, token, { name: 'After', email: 'after.addbad@example.org' }, now)).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such delegation',
    });
    expect(await group(delegationId)).toHaveLength(2);
  });
});

describe(`the head changes and cancels members (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('changes a name, organisation, job title and where the mail goes, audited; never the address; bad input and bad ids refused', async () => {
    const { token, view } = await registered('change', 3);
    const member = view.members.find((m) => m.name === 'Member change 0');
    const other = view.members.find((m) => m.name === 'Member change 1');
    expect(
      await changeDelegationMember(t.db, token, member!.id, {
        name: 'Renamed',
        organisation: 'MOST Laos',
        jobTitle: 'Deputy',
        mailToHead: 'on',
        email: 'hijack@example.org',
      }),
    ).toEqual({ ok: true });
    expect(await byId(member!.id)).toMatchObject({
      name: 'Renamed',
      organisation: 'MOST Laos',
      jobTitle: 'Deputy',
      mailToHead: true,
      email: 'm0.change@example.org',
    });
    expect(await auditOf('delegation.member.change', member!.id)).toEqual([
      { action: 'delegation.member.change', entity: 'registration', actor: null, details: { delegation: 'Delegation change' } },
    ]);
    // Left out, where the mail goes returns to the member.
    expect(await changeDelegationMember(t.db, token, member!.id, { name: 'Renamed' })).toEqual({ ok: true });
    expect(await byId(member!.id)).toMatchObject({ mailToHead: false, organisation: '', jobTitle: '' });

    const untouched = await byId(other!.id);
    expect(fieldsOf(await changeDelegationMember(t.db, token, other!.id, { name: '' }))).toEqual({ name: 'required' });
    expect(fieldsOf(await changeDelegationMember(t.db, token, 42, { name: 'By number' }))).toEqual({ member: 'notYourMember' });
    await t.db.update(registrations).set({ erasedAt: now }).where(eq(registrations.id, other!.id));
    expect(await changeDelegationMember(t.db, token, other!.id, { name: 'Erased renamed' })).toMatchObject({
      ok: false,
      fields: { member: 'notYourMember' },
    });
    expect(await byId(other!.id)).toEqual({ ...untouched, erasedAt: now });
    expect(await changeDelegationMember(t.db, 'not-a-token', member!.id, { name: 'X' })).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such delegation',
    });
  });

  it('cancels a member once, audited; the place goes to the first in the category’s line; a second cancel is refused', async () => {
    const two = await category('Heads two places', { capacity: 2 });
    const { token, view } = await registered('cancel', 2, { category: two.id });
    const waiting = await registerAttendee(t.db, EVENT, online('cancel-waiting', { category: two.id }), { now });
    if (!waiting.ok) throw new Error('not registered');
    expect(await byId(waiting.registration.id)).toMatchObject({ status: 'pending', categoryWaitlistPosition: 1 });
    const member = view.members.find((m) => !m.delegationHead)!;
    expect(await cancelDelegationMember(t.db, token, member.id)).toEqual({ ok: true });
    expect(await byId(member.id)).toMatchObject({ status: 'cancelled' });
    expect(await byId(waiting.registration.id)).toMatchObject({ status: 'confirmed', categoryWaitlistPosition: null });
    expect(await auditOf('delegation.member.cancel', member.id)).toEqual([
      { action: 'delegation.member.cancel', entity: 'registration', actor: null, details: { delegation: 'Delegation cancel' } },
    ]);
    expect(fieldsOf(await cancelDelegationMember(t.db, token, member.id))).toEqual({ member: 'notYourMember' });
    expect(await auditOf('delegation.member.cancel', member.id)).toHaveLength(1);
    expect(await cancelDelegationMember(t.db, manageTokenFor(member.id), view.head.id)).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such delegation',
    });
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });
});

describe('the delegation named on a member’s own page', () => {
  it('a member’s registration names its delegation; one outside any delegation names none', async () => {
    const { view, delegationId } = await registered('named', 2);
    expect(await delegationOf(t.db, view.members[1]!)).toMatchObject({ id: delegationId, name: 'Delegation named' });
    const alone = await registerAttendee(t.db, EVENT, online('named-alone'), { now });
    if (!alone.ok) throw new Error('not registered');
    expect(await delegationOf(t.db, await byId(alone.registration.id))).toBeNull();
  });
});

describe(`approving a delegation: who is in it (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('the head’s category decides: a member rejected or moved to another category is left out, the rest approved by the organiser, no message in the audit', async () => {
    const delegates = await category('Heads approval whole', { requiresApproval: true, capacity: 10 });
    const elsewhere = await category('Heads approval elsewhere', { requiresApproval: true });
    const { delegationId, view } = await registered('decide', 4, { category: delegates.id });
    const [rejected, moved] = view.members.filter((m) => !m.delegationHead);
    const rejection = await rejectRegistrations(t.db, organiser, EVENT, { ids: [rejected!.id] });
    expect(rejection).toMatchObject({ ok: true });
    await t.db.update(registrations).set({ categoryId: elsewhere.id }).where(eq(registrations.id, moved!.id));

    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId })).toEqual({ ok: true, approved: 2 });
    const after = await group(delegationId);
    const state = (id: string) => after.find((r) => r.id === id)!;
    expect([state(rejected!.id).decision, state(moved!.id).status, state(moved!.id).decision]).toEqual(['rejected', 'pending', null]);
    const approvedRows = after.filter((r) => r.status === 'confirmed');
    expect(approvedRows.map((r) => [r.decision, r.decidedBy, r.categoryId])).toEqual(
      Array(2).fill(['approved', organiser.userId, delegates.id]),
    );
    expect(approvedRows.map((r) => r.id).sort()).toEqual(
      [view.head.id, view.members.find((m) => ![rejected!.id, moved!.id, view.head.id].includes(m.id))!.id].sort(),
    );
    for (const row of approvedRows)
      expect((await auditOf('registration.approve', row.id)).map((a) => [a.actor, a.details])).toEqual([
        [organiser.userId, { outcome: 'seated', delegation: delegationId }],
      ]);
    expect((await auditOf('delegation.approve', delegationId)).map((a) => [a.actor, a.details])).toEqual([
      [organiser.userId, { name: 'Delegation decide', members: 2 }],
    ]);
    // The moved member waits in their own category, decided one by one; the delegation has no one left to approve.
    expect(fieldsOf(await approveDelegation(t.db, organiser, EVENT, { delegationId }))).toEqual({ delegationId: 'delegationDecided' });
    expect(await auditOf('delegation.approve', delegationId)).toHaveLength(1);
  });

  it('with its only member moved to another category, the approval seats the head alone in the head’s category', async () => {
    const delegates = await category('Heads approval pair', { requiresApproval: true });
    const elsewhere = await category('Heads approval pair elsewhere', { requiresApproval: true });
    const { delegationId, view } = await registered('pair', 2, { category: delegates.id });
    const member = view.members.find((m) => !m.delegationHead)!;
    await t.db.update(registrations).set({ categoryId: elsewhere.id }).where(eq(registrations.id, member.id));
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId })).toEqual({ ok: true, approved: 1 });
    expect((await group(delegationId)).map((r) => [r.delegationHead, r.status, r.categoryId])).toEqual([
      [true, 'confirmed', delegates.id],
      [false, 'pending', elsewhere.id],
    ]);
  });

  it('at the venue: the places already taken there count; a venue without a limit takes any delegation; an unexpected failure is not a refusal', async () => {
    const delegates = await category('Heads approval venue', { requiresApproval: true });
    const hall = await smallVenue(t.db, 'heads-appr-hall', 4, 10);
    expect(await registerAttendee(t.db, EVENT, person('heads-appr-before', { venue: hall.venueSlug }), { now })).toMatchObject({
      ok: true,
    });
    const atHall = { category: delegates.id, mode: 'in_person', venue: hall.venueSlug };
    const four = await registered('apphall', 4, atHall);
    expect(fieldsOf(await approveDelegation(t.db, organiser, EVENT, { delegationId: four.delegationId }))).toEqual({
      delegationId: 'delegationVenueFull?free=3&size=4',
    });
    expect((await group(four.delegationId)).map((r) => r.status)).toEqual(Array(4).fill('pending'));

    const open = await smallVenue(t.db, 'heads-appr-open', null, 10);
    const five = await registered('appopen', 5, { ...atHall, venue: open.venueSlug });
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId: five.delegationId })).toEqual({ ok: true, approved: 5 });

    await expect(
      approveDelegation(
        t.db,
        organiser,
        EVENT,
        { delegationId: four.delegationId },
        {
          categoryLock: async () => {
            throw new Error('lock failed');
          },
        },
      ),
    ).rejects.toThrow('lock failed');
  });

  it('a category deleted meanwhile approves no one; only the forum’s organisers approve, and only their own forum’s delegations', async () => {
    const delegates = await category('Heads approval locked', { requiresApproval: true });
    const { delegationId, view } = await registered('guarded', 2, { category: delegates.id });
    expect(fieldsOf(await approveDelegation(t.db, organiser, EVENT, { delegationId }, { categoryLock: async () => null }))).toEqual({
      delegationId: 'delegationDecided',
    });
    const viewer = await actorFor(t.db, 'viewer.heads@forum.test', { eventSlug: EVENT, role: 'viewer' });
    const otherOrganiser = await actorFor(t.db, 'organiser.elsewhere@forum.test', { eventSlug: 'other-heads-forum', role: 'organiser' });
    await expect(approveDelegation(t.db, viewer, EVENT, { delegationId })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(approveDelegation(t.db, null, EVENT, { delegationId })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(approveDelegation(t.db, otherOrganiser, EVENT, { delegationId })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(approveDelegationOf(t.db, viewer, EVENT, view.head.id, '')).rejects.toBeInstanceOf(AuthorizationError);
    // Their own forum does not hold this delegation.
    expect(await approveDelegation(t.db, otherOrganiser, 'other-heads-forum', { delegationId })).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such delegation',
    });
    expect(fieldsOf(await approveDelegationOf(t.db, otherOrganiser, 'other-heads-forum', view.head.id, ''))).toEqual({
      delegationId: 'delegationDecided',
    });
    expect((await group(delegationId)).map((r) => [r.status, r.decision])).toEqual(Array(2).fill(['pending', null]));
  });
});
