// Delegations (docs/delegations.md): a head registers a group in one transaction, all or nothing
// (category places and venue places), with a forced race for the category's places and its negative
// control; approval of a whole delegation in one action; mail to each member or to the head, over
// SMTP; the head's manage link touching only their own members.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeCategories, auditLog, categoryInvitationCodes, delegations, outbox, registrations, venues } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { lockCategory, readCategoryWithoutLocking, type CategoryLock } from '@/lib/registration/categories/category-seats';
import { approveDelegation, approveDelegationOf } from '@/lib/registration/delegations/approve-delegation';
import { exportRegistrationsCsv } from '@/lib/registration/admin/export';
import { registrationFilterOptions } from '@/lib/registration/admin/filter-options';
import { registrationFilterSchema } from '@/lib/registration/admin/filters';
import { listRegistrations, registrationPageSchema } from '@/lib/registration/admin/list';
import {
  addDelegationMember,
  cancelDelegationMember,
  changeDelegationMember,
  delegationForHead,
} from '@/lib/registration/delegations/head';
import { registerDelegation } from '@/lib/registration/delegations/register-delegation';
import { parseMemberLines } from '@/lib/registration/delegations/schema';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { delegationInput, insertCategory, onlinePerson } from '../helpers/delegations';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, rows } from '../helpers/registration';
import { seatInvariantBreaches } from '../helpers/seat-invariants';
import { smallVenue } from '../helpers/seat-standing';
import { meetingGate, WAIT_ALONE_LOCKED_MS, WAIT_FOR_ALL_UNLOCKED_MS } from '../helpers/seat-race';
import { violatedConstraint } from '@/lib/admin/db-errors';
import { startSmtpServer } from '../helpers/smtp';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 40 });
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'organiser.delegations@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

const category = (name: string, values: Parameters<typeof insertCategory>[3] = {}) => insertCategory(t.db, eventId, name, values);

const online = onlinePerson;

async function inDelegation(name: string) {
  const [d] = await t.db.select().from(delegations).where(eq(delegations.name, name));
  if (!d) return [];
  return t.db.select().from(registrations).where(eq(registrations.delegationId, d.id));
}

async function categoryCount(id: string) {
  const [row] = rows<{ count: number; held: number }>(
    await t.db.execute(sql`select c.confirmed_count as count,
      (select count(*)::int from registrations r where r.category_id = c.id and r.status in ('confirmed','waitlisted','checked_in')) as held
      from attendee_categories c where c.id = ${id}`),
  );
  return row!;
}

describe(`registering a delegation (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('the head and two members each get a registration, a category place and a mail; a member who chose it gets theirs at the head', async () => {
    const gov = await category('Gov open', { capacity: 10 });
    const input = delegationInput('first', 3, { category: gov.id, mode: 'in_person', venue: 'nanning' });
    (input.members as { mailToHead?: boolean }[])[1]!.mailToHead = true;
    const result = await registerDelegation(t.db, EVENT, input, { now });
    expect(result).toMatchObject({ ok: true, members: 3, pending: false });
    const group = await inDelegation('Delegation first');
    expect(group.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(group.filter((r) => r.delegationHead).map((r) => r.email)).toEqual(['pfirst-head@example.org']);
    expect(group.every((r) => r.categoryId === gov.id)).toBe(true);
    expect(await categoryCount(gov.id)).toEqual({ count: 3, held: 3 });
    const mails = await t.db
      .select()
      .from(outbox)
      .where(sql`${outbox.registrationId} in (select id from registrations where delegation_id = ${group[0]!.delegationId})`);
    const byName = Object.fromEntries(mails.map((m) => [m.toName, m.toAddress]));
    expect(byName).toEqual({
      'Participant first-head': 'pfirst-head@example.org',
      'Member first 0': 'm0.first@example.org',
      'Member first 1': 'pfirst-head@example.org',
    });
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('bad members are named by their row, the head’s address among them too; nothing is stored', async () => {
    const before = await t.db.select({ n: sql<number>`count(*)::int` }).from(registrations);
    const result = await registerDelegation(
      t.db,
      EVENT,
      delegationInput('bad', 1, {
        name: '',
        members: [
          { name: 'A', email: 'same@example.org' },
          { name: 'B', email: 'SAME@example.org' },
          { name: '', email: 'not-an-address' },
          { name: 'Head twin', email: 'pbad-head@example.org' },
        ],
      }),
      { now },
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { name: 'required', 'members.1.email': 'memberEmailTwice', 'members.2.name': 'required', 'members.2.email': 'email' },
    });
    const noHeadError = await registerDelegation(
      t.db,
      EVENT,
      delegationInput('bad2', 1, { members: [{ name: 'Head twin', email: 'pbad2-head@example.org' }] }),
      { now },
    );
    expect(noHeadError).toMatchObject({ ok: false, fields: { 'members.0.email': 'memberEmailTwice' } });
    expect(await t.db.select({ n: sql<number>`count(*)::int` }).from(registrations)).toEqual(before);
  });

  it('a pasted list: good lines become members, each bad line is named by its number', () => {
    const pasted = parseMemberLines(
      'Somchai Chai, somchai@example.org, Ministry, Director\n\nNo address here\nLi Wei\tnot-mail\nAnn; ann@example.org\n, x@example.org',
    );
    expect(pasted.members.map((m) => m.email)).toEqual(['somchai@example.org', 'ann@example.org']);
    expect(pasted.errors).toEqual(['memberLineColumns?line=3', 'memberLineEmail?line=4', 'memberLineName?line=6']);
  });

  it('all or nothing: a delegation of 3 with 2 category places left is refused whole, naming what is left', async () => {
    const small = await category('Gov small', { capacity: 2 });
    const result = await registerDelegation(t.db, EVENT, delegationInput('toobig', 3, { category: small.id }), { now });
    expect(result).toMatchObject({ ok: false, code: 'invalid', fields: { members: 'delegationNoPlaces?free=2&size=3' } });
    expect(await inDelegation('Delegation toobig')).toEqual([]);
    expect(await categoryCount(small.id)).toEqual({ count: 0, held: 0 });
  });

  it('all or nothing: a member already registered refuses the whole delegation, naming the member', async () => {
    expect(await registerAttendee(t.db, EVENT, online('taken'), { now })).toMatchObject({ ok: true });
    const result = await registerDelegation(
      t.db,
      EVENT,
      delegationInput('taken', 1, {
        members: [
          { name: 'Free', email: 'free.taken@example.org' },
          { name: 'Taken', email: 'ptaken@example.org' },
        ],
      }),
      { now },
    );
    expect(result).toMatchObject({ ok: false, fields: { 'members.1.email': 'memberTaken' } });
    expect(await inDelegation('Delegation taken')).toEqual([]);
  });

  it('all or nothing at the venue too: 3 people for 2 free places is refused whole, naming what is left; 3 for 3 fits', async () => {
    const hall = await smallVenue(t.db, 'deleg-venue', 4, 10);
    expect(await registerAttendee(t.db, EVENT, person('deleg-venue-before', { venue: hall.venueSlug }), { now })).toMatchObject({
      ok: true,
    });
    const atHall = { mode: 'in_person', venue: hall.venueSlug };
    const refused = await registerDelegation(t.db, EVENT, delegationInput('venue-full', 4, atHall), { now });
    expect(refused).toMatchObject({ ok: false, code: 'invalid', fields: { venue: 'delegationVenueFull?free=3&size=4' } });
    expect(await inDelegation('Delegation venue-full')).toEqual([]);
    expect(await registerDelegation(t.db, EVENT, delegationInput('venue-fits', 3, atHall), { now })).toMatchObject({
      ok: true,
      members: 3,
    });
    expect((await inDelegation('Delegation venue-fits')).map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    const [venue] = await t.db.select({ count: venues.confirmedCount }).from(venues).where(eq(venues.id, hall.venueId));
    expect(venue!.count).toBe(4);
    // A venue without a limit takes any delegation.
    const open = await smallVenue(t.db, 'deleg-open', null, 10);
    expect(
      await registerDelegation(t.db, EVENT, delegationInput('venue-open', 5, { mode: 'in_person', venue: open.venueSlug }), { now }),
    ).toMatchObject({ ok: true, members: 5 });
  });

  it('all or nothing: the head’s own address already registered refuses the delegation, naming the head’s field; pending ones too', async () => {
    expect(await registerAttendee(t.db, EVENT, online('headtaken-head'), { now })).toMatchObject({ ok: true });
    expect(await registerDelegation(t.db, EVENT, delegationInput('headtaken', 2), { now })).toMatchObject({
      ok: false,
      fields: { email: 'memberTaken' },
    });
    expect(await inDelegation('Delegation headtaken')).toEqual([]);

    const approval = await category('Gov approval taken', { requiresApproval: true, capacity: 5 });
    expect(await registerAttendee(t.db, EVENT, online('pendtaken-member'), { now })).toMatchObject({ ok: true });
    const input = delegationInput('pendtaken', 1, {
      category: approval.id,
      members: [{ name: 'Taken', email: 'ppendtaken-member@example.org' }],
    });
    expect(await registerDelegation(t.db, EVENT, input, { now })).toMatchObject({
      ok: false,
      fields: { 'members.0.email': 'memberTaken' },
    });
    expect(await inDelegation('Delegation pendtaken')).toEqual([]);
  });

  it('an invitation-only category needs its code; the code is used once for the whole delegation', async () => {
    const hidden = await category('Gov hidden', { visibility: 'invitation' });
    await t.db
      .insert(categoryInvitationCodes)
      .values({ eventId, categoryId: hidden.id, code: 'DELEG2345A', maxUses: 1, expiresAt: new Date('2027-01-01') });
    const without = await registerDelegation(t.db, EVENT, delegationInput('nocode', 3, { category: hidden.id }), { now });
    expect(without).toMatchObject({ ok: false, fields: { category: 'category' } });
    const withCode = await registerDelegation(t.db, EVENT, delegationInput('code', 3, { category: hidden.id, code: 'DELEG2345A' }), {
      now,
    });
    expect(withCode).toMatchObject({ ok: true, members: 3 });
    const [used] = await t.db.select().from(categoryInvitationCodes).where(eq(categoryInvitationCodes.code, 'DELEG2345A'));
    expect(used!.uses).toBe(1);
  });
});

describe(`delegations racing for a category's places (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  async function race(lock: CategoryLock, tag: string) {
    const gov = await category(`Race ${tag}`, { capacity: 7 });
    const gate = meetingGate(lock, 5, lock === readCategoryWithoutLocking ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS);
    const settled = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        registerDelegation(t.db, EVENT, delegationInput(`${tag}${i}`, 3, { category: gov.id }), { now, categoryLock: gate.read }),
      ),
    );
    const answers = settled.map((s) =>
      s.status === 'fulfilled'
        ? s.value.ok
          ? 'ok'
          : ((s.value as { fields?: Record<string, string> }).fields?.members ?? s.value.code)
        : (violatedConstraint(s.reason) ?? String(s.reason)),
    );
    const held = await t.db.select().from(registrations).where(eq(registrations.categoryId, gov.id));
    return { gov, gate, answers, held };
  }

  it('with the lock, 5 delegations of 3 for 7 places: 2 registered whole, 3 refused whole, never a partial delegation', async () => {
    const { gov, gate, answers, held } = await race(lockCategory, 'dl-locked');
    expect(answers.filter((a) => a === 'ok')).toHaveLength(2);
    expect(answers.filter((a) => a !== 'ok').sort()).toEqual([
      'delegationNoPlaces?free=1&size=3',
      'delegationNoPlaces?free=1&size=3',
      'delegationNoPlaces?free=1&size=3',
    ]);
    expect(held).toHaveLength(6);
    const perDelegation = new Map<string, number>();
    for (const r of held) perDelegation.set(r.delegationId!, (perDelegation.get(r.delegationId!) ?? 0) + 1);
    expect([...perDelegation.values()]).toEqual([3, 3]);
    expect(await categoryCount(gov.id)).toEqual({ count: 6, held: 6 });
    expect(gate.mostAtOnce()).toBe(1);
  });

  it.runIf(usingPostgres)(
    'without the lock every delegation reads 7 free places: the third to write fails on the CHECK (a server error) instead of a clear refusal (negative control)',
    async () => {
      const { gov, gate, answers } = await race(readCategoryWithoutLocking, 'dl-unlocked');
      expect(gate.mostAtOnce()).toBe(5);
      expect(answers.filter((a) => a === 'ok')).toHaveLength(2);
      expect(answers.filter((a) => a === 'attendee_categories_seats_ck')).toHaveLength(3);
      expect(await categoryCount(gov.id)).toEqual({ count: 6, held: 6 });
    },
  );
});

describe(`approving and managing a delegation (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('approval needed: the whole delegation is pending with no place; one action approves all, mailed to each over SMTP', async () => {
    const gov = await category('Gov approval', { requiresApproval: true, capacity: 5 });
    const input = delegationInput('appr', 3, { category: gov.id });
    (input.members as { mailToHead?: boolean }[])[0]!.mailToHead = true;
    const result = await registerDelegation(t.db, EVENT, input, { now });
    expect(result).toMatchObject({ ok: true, pending: true, members: 3 });
    if (!result.ok) return;
    expect((await inDelegation('Delegation appr')).map((r) => r.status)).toEqual(['pending', 'pending', 'pending']);
    expect(await categoryCount(gov.id)).toEqual({ count: 0, held: 0 });
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId: result.delegationId, message: 'Welcome to Nanning.' })).toEqual({
      ok: true,
      approved: 3,
    });
    expect((await inDelegation('Delegation appr')).map((r) => [r.status, r.decision])).toEqual(Array(3).fill(['confirmed', 'approved']));
    expect(await categoryCount(gov.id)).toEqual({ count: 3, held: 3 });
    // Approving again finds nobody waiting.
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId: result.delegationId })).toMatchObject({
      ok: false,
      fields: { delegationId: 'delegationDecided' },
    });

    const smtp = await startSmtpServer();
    const transport = smtpTransport(smtp.url, { maxConnections: 1 });
    try {
      while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).sent > 0);
    } finally {
      transport.close();
      await smtp.close();
    }
    const subjects = (address: string) =>
      smtp.received
        .filter((m) => m.envelope.to.includes(address))
        .map((m) => `${m.parsed.to && 'text' in m.parsed.to ? m.parsed.to.text : ''}|${m.parsed.subject?.split(' · ')[0]}`)
        .sort();
    expect(subjects('pappr-head@example.org').filter((s) => s.includes('approved'))).toEqual([
      '"Member appr 0" <pappr-head@example.org>|Your registration is approved',
      '"Participant appr-head" <pappr-head@example.org>|Your registration is approved',
    ]);
    expect(subjects('m1.appr@example.org')).toEqual([
      '"Member appr 1" <m1.appr@example.org>|Registration received: awaiting approval',
      '"Member appr 1" <m1.appr@example.org>|Your registration is approved',
    ]);
    expect(
      smtp.received.find(
        (m) => m.envelope.to.includes('m1.appr@example.org') && m.parsed.subject?.startsWith('Your registration is approved'),
      )!.parsed.text,
    ).toContain('Welcome to Nanning.');
  });

  it('approval is all or nothing too: 3 pending for 2 places are all left pending, and the answer says what is left', async () => {
    const gov = await category('Gov approval small', { requiresApproval: true, capacity: 2 });
    const result = await registerDelegation(t.db, EVENT, delegationInput('apsmall', 3, { category: gov.id }), { now });
    if (!result.ok) throw new Error('not registered');
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId: result.delegationId })).toMatchObject({
      ok: false,
      fields: { delegationId: 'delegationNoPlaces?free=2&size=3' },
    });
    expect((await inDelegation('Delegation apsmall')).map((r) => [r.status, r.decision])).toEqual(Array(3).fill(['pending', null]));
    expect(await categoryCount(gov.id)).toEqual({ count: 0, held: 0 });
  });

  it('approval is all or nothing at the venue: 4 pending for 3 places stay pending; 3 for 3 are approved from a member’s page', async () => {
    const gov = await category('Gov approval venue', { requiresApproval: true, capacity: 20 });
    const full = await smallVenue(t.db, 'appr-venue-full', 3, 10);
    const tooMany = await registerDelegation(
      t.db,
      EVENT,
      delegationInput('apvenue4', 4, { category: gov.id, mode: 'in_person', venue: full.venueSlug }),
      { now },
    );
    if (!tooMany.ok) throw new Error('not registered');
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId: tooMany.delegationId })).toEqual({
      ok: false,
      code: 'invalid',
      error: expect.any(String),
      fields: { delegationId: 'delegationVenueFull?free=3&size=4' },
    });
    expect((await inDelegation('Delegation apvenue4')).map((r) => r.status)).toEqual(Array(4).fill('pending'));

    const fits = await smallVenue(t.db, 'appr-venue-fits', 3, 10);
    const three = await registerDelegation(
      t.db,
      EVENT,
      delegationInput('apvenue3', 3, { category: gov.id, mode: 'in_person', venue: fits.venueSlug }),
      { now },
    );
    if (!three.ok) throw new Error('not registered');
    const member = (await inDelegation('Delegation apvenue3')).find((r) => !r.delegationHead)!;
    expect(await approveDelegationOf(t.db, organiser, EVENT, member.id, 'Welcome.')).toEqual({ ok: true, approved: 3 });
    expect((await inDelegation('Delegation apvenue3')).map((r) => r.status)).toEqual(Array(3).fill('confirmed'));
    const [venue] = await t.db.select({ count: venues.confirmedCount }).from(venues).where(eq(venues.id, fits.venueId));
    expect(venue!.count).toBe(3);
    // The organiser's audit log has one entry per member and one for the delegation.
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, three.delegationId));
    expect(entries.map((e) => [e.action, e.entity, e.details])).toContainEqual([
      'delegation.approve',
      'delegation',
      { name: 'Delegation apvenue3', members: 3 },
    ]);
    const memberEntries = await t.db.select().from(auditLog).where(eq(auditLog.entityId, member.id));
    expect(memberEntries.map((e) => [e.action, e.entity, e.details])).toContainEqual([
      'registration.approve',
      'registration',
      { outcome: 'seated', delegation: three.delegationId, message: 'Welcome.' },
    ]);
  });

  it('approval counts the places already taken: 2 for 1 left is refused, 2 for 2 left approved; no limit approves any', async () => {
    const gov = await category('Gov approval taken places', { capacity: 4 });
    for (const n of [1, 2])
      expect(await registerAttendee(t.db, EVENT, online(`aptaken-${n}`, { category: gov.id }), { now })).toMatchObject({ ok: true });
    await t.db.update(attendeeCategories).set({ requiresApproval: true }).where(eq(attendeeCategories.id, gov.id));
    const a = await registerDelegation(t.db, EVENT, delegationInput('aptaken-a', 2, { category: gov.id }), { now });
    const b = await registerDelegation(t.db, EVENT, delegationInput('aptaken-b', 2, { category: gov.id }), { now });
    if (!a.ok || !b.ok) throw new Error('not registered');
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId: a.delegationId })).toEqual({ ok: true, approved: 2 });
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId: b.delegationId })).toMatchObject({
      ok: false,
      fields: { delegationId: 'delegationNoPlaces?free=0&size=2' },
    });
    await t.db.update(attendeeCategories).set({ capacity: 5 }).where(eq(attendeeCategories.id, gov.id));
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId: b.delegationId })).toMatchObject({
      ok: false,
      fields: { delegationId: 'delegationNoPlaces?free=1&size=2' },
    });
    const open = await category('Gov approval open', { requiresApproval: true, capacity: null });
    const c = await registerDelegation(t.db, EVENT, delegationInput('apopen', 4, { category: open.id }), { now });
    if (!c.ok) throw new Error('not registered');
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId: c.delegationId })).toEqual({ ok: true, approved: 4 });
  });

  it('approving something that is not a delegation of this forum: refused, nothing written', async () => {
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId: randomUUID() })).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such delegation',
    });
    expect(await approveDelegation(t.db, organiser, EVENT, { delegationId: 'not-an-id' })).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { delegationId: expect.any(String) },
    });
  });

  it('the head adds, changes and cancels members; another head, a member and forged ids touch nothing', async () => {
    const gov = await category('Gov managed', { capacity: 5 });
    const mine = await registerDelegation(t.db, EVENT, delegationInput('mine', 2, { category: gov.id }), { now });
    const theirs = await registerDelegation(t.db, EVENT, delegationInput('theirs', 2, { category: gov.id }), { now });
    if (!mine.ok || !theirs.ok) throw new Error('not registered');
    const [myHead] = (await inDelegation('Delegation mine')).filter((r) => r.delegationHead);
    const myToken = manageTokenFor(myHead!.id);
    const theirGroup = await inDelegation('Delegation theirs');
    const theirHeadToken = manageTokenFor(theirGroup.find((r) => r.delegationHead)!.id);
    const theirMember = theirGroup.find((r) => !r.delegationHead)!;

    // Adding within the category's places: the 6th place does not exist.
    expect(await addDelegationMember(t.db, myToken, { name: 'Added', email: 'added.mine@example.org', mailToHead: 'on' }, now)).toEqual({
      ok: true,
    });
    expect(await addDelegationMember(t.db, myToken, { name: 'One too many', email: 'extra.mine@example.org' }, now)).toMatchObject({
      ok: false,
      fields: { members: 'delegationNoPlaces?free=0&size=1' },
    });
    const view = await delegationForHead(t.db, myToken);
    expect(view!.members.map((m) => [m.name, m.status, m.mailToHead])).toEqual([
      ['Participant mine-head', 'confirmed', false],
      ['Member mine 0', 'confirmed', false],
      ['Added', 'confirmed', true],
    ]);
    const added = view!.members[2]!;
    expect(
      await changeDelegationMember(t.db, myToken, added.id, { name: 'Added Renamed', organisation: 'MOST', jobTitle: 'Adviser' }),
    ).toEqual({ ok: true });

    // Attackers: another head's token, a member's own token, a forged member id, a forged token.
    expect(await cancelDelegationMember(t.db, theirHeadToken, added.id)).toMatchObject({ ok: false, fields: { member: 'notYourMember' } });
    expect(await changeDelegationMember(t.db, myToken, theirMember.id, { name: 'Hijacked' })).toMatchObject({
      ok: false,
      fields: { member: 'notYourMember' },
    });
    expect(await cancelDelegationMember(t.db, myToken, myHead!.id)).toMatchObject({ ok: false, fields: { member: 'notYourMember' } });
    expect(await cancelDelegationMember(t.db, myToken, randomUUID())).toMatchObject({ ok: false, fields: { member: 'notYourMember' } });
    expect(await cancelDelegationMember(t.db, manageTokenFor(added.id), view!.members[1]!.id)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(await addDelegationMember(t.db, manageTokenFor(theirMember.id), { name: 'X', email: 'x.mine@example.org' }, now)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(await cancelDelegationMember(t.db, `${myToken.slice(0, -2)}xx`, added.id)).toMatchObject({ ok: false, code: 'not-found' });
    const [untouched] = await t.db.select().from(registrations).where(eq(registrations.id, theirMember.id));
    expect([untouched!.name, untouched!.status]).toEqual(['Member theirs 0', 'confirmed']);

    expect(await cancelDelegationMember(t.db, myToken, added.id)).toEqual({ ok: true });
    const after = await delegationForHead(t.db, myToken);
    expect(after!.members.map((m) => [m.name, m.status])).toEqual([
      ['Participant mine-head', 'confirmed'],
      ['Member mine 0', 'confirmed'],
      ['Added Renamed', 'cancelled'],
    ]);
    expect(await categoryCount(gov.id)).toEqual({ count: 4, held: 4 });
  });
});

describe(`the delegation in the organisers’ list, filter and export (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('filters by delegation (or none), names it in each row and in the CSV, with who heads it', async () => {
    const result = await registerDelegation(
      t.db,
      EVENT,
      delegationInput('listed', 3, { delegation: { name: '=Lao "MOST"', country: 'LA', agency: '' } }),
      {
        now,
      },
    );
    if (!result.ok) throw new Error('not registered');
    expect(await registerAttendee(t.db, EVENT, online('alone-listed'), { now })).toMatchObject({ ok: true });
    const page = registrationPageSchema.parse({ size: '200' });
    const list = await listRegistrations(t.db, organiser, EVENT, registrationFilterSchema.parse({ delegation: result.delegationId }), page);
    expect(list.rows.map((r) => [r.name, r.delegation, r.delegationHead]).sort()).toEqual([
      ['Member listed 0', '=Lao "MOST"', false],
      ['Member listed 1', '=Lao "MOST"', false],
      ['Participant listed-head', '=Lao "MOST"', true],
    ]);
    const alone = await listRegistrations(t.db, organiser, EVENT, registrationFilterSchema.parse({ delegation: 'none' }), page);
    expect(alone.rows.every((r) => r.delegation === null)).toBe(true);
    expect(alone.rows.map((r) => r.name)).toContain('Participant alone-listed');
    expect((await registrationFilterOptions(t.db, organiser, EVENT)).delegations).toContainEqual({
      id: result.delegationId,
      name: '=Lao "MOST"',
    });

    const { stream } = await exportRegistrationsCsv(
      t.db,
      organiser,
      EVENT,
      registrationFilterSchema.parse({ delegation: result.delegationId }),
    );
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const columns = header!.split(',');
    expect(columns.slice(columns.indexOf('decision'), columns.indexOf('decision') + 4)).toEqual([
      'decision',
      'delegation',
      'delegation_id',
      'delegation_head',
    ]);
    expect(lines).toHaveLength(3);
    // Formula-safe: the name starting with "=" is written as text.
    expect(lines.every((line) => line.includes(`"'=Lao ""MOST""",${result.delegationId},`))).toBe(true);
    expect(lines.filter((line) => line.includes(`${result.delegationId},yes`))).toHaveLength(1);
    expect(lines.filter((line) => line.includes(`${result.delegationId},no`))).toHaveLength(2);
  });
});
