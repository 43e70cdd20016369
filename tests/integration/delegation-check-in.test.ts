// Checking in a whole delegation at the desk (docs/delegations.md, "At the desk"): every confirmed
// member at the desk's venue not yet checked in, in one transaction, each exactly once when two desks
// press at the same moment (a forced race on PostgreSQL, and its negative control without the
// update's condition); the second desk told who was admitted before, when and by whom; audited;
// refused to staff of another venue and to people without a desk role.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, registrations } from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { checkIn } from '@/lib/checkin/check-in';
import {
  admitMembersOnce,
  admitMembersWithoutCondition,
  checkInDelegation,
  deskDelegationOf,
  deskDelegations,
  readMembersToAdmit,
} from '@/lib/checkin/delegation';
import { seedDemoForum } from '@/lib/demo/seed';
import { registerDelegation } from '@/lib/registration/delegations/register-delegation';
import { cancelRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { ticketCode } from '@/lib/tickets/ticket';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';
import { meetingGate, WAIT_ALONE_LOCKED_MS, WAIT_FOR_ALL_UNLOCKED_MS } from '../helpers/seat-race';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let bangkokDesk: Actor;
let bangkokDesk2: Actor;
let nanningDesk: Actor;
let attendee: Actor;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 20 });
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  const bangkok = (await venueBySlug(t.db, 'bangkok')).id;
  organiser = await actorFor(t.db, 'org.dci@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokDesk = await actorFor(t.db, 'desk1.bkk@forum.test', { eventSlug: EVENT, role: 'checkin', venueId: bangkok });
  bangkokDesk2 = await actorFor(t.db, 'desk2.bkk@forum.test', { eventSlug: EVENT, role: 'checkin', venueId: bangkok });
  nanningDesk = await actorFor(t.db, 'desk.nng@forum.test', {
    eventSlug: EVENT,
    role: 'checkin',
    venueId: (await venueBySlug(t.db, 'nanning')).id,
  });
  attendee = await actorFor(t.db, 'plain.dci@forum.test');
});
afterAll(() => t?.close());

/** A delegation of `size` at Bangkok (the head and size-1 members); its id and its members' ids by name. */
async function delegationAtBangkok(tag: string, size: number) {
  const result = await registerDelegation(
    t.db,
    EVENT,
    {
      ...person(`${tag}-head`, { venue: 'bangkok' }),
      delegation: { name: `Delegation ${tag}`, country: 'TH', agency: 'NSTDA' },
      members: Array.from({ length: size - 1 }, (_, i) => ({ name: `Member ${tag} ${i}`, email: `m${i}.${tag}@example.org` })),
    },
    { now },
  );
  if (!result.ok) throw new Error(JSON.stringify(result));
  const members = await t.db.select().from(registrations).where(eq(registrations.delegationId, result.delegationId));
  return { id: result.delegationId, members: new Map(members.map((m) => [m.name, m.id])) };
}

/** One person at Bangkok, of no delegation: their registration id. */
async function registerDelegationlessAtBangkok(tag: string) {
  const result = await registerAttendee(t.db, EVENT, person(tag, { venue: 'bangkok' }), { now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

const audits = (action: string, entityId: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

describe(`checking in a delegation at the desk (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('admits every confirmed member not yet checked in, once; the members admitted before are named with time and desk', async () => {
    const d = await delegationAtBangkok('dci-a', 4);
    // One member was scanned alone earlier; one cancelled: neither is admitted by the delegation's button.
    const early = d.members.get('Member dci-a 0')!;
    await checkIn(t.db, bangkokDesk2, EVENT, ticketCode(early), { now: new Date('2026-12-24T01:02:00Z') });
    const cancelled = d.members.get('Member dci-a 1')!;
    expect((await cancelRegistration(t.db, cancelled)).ok).toBe(true);

    expect(await deskDelegations(t.db, bangkokDesk, EVENT, [d.id])).toEqual([{ id: d.id, name: 'Delegation dci-a', notYet: 2 }]);
    const at = new Date('2026-12-24T02:00:00Z');
    const result = await checkInDelegation(t.db, bangkokDesk, EVENT, d.id, { now: at });
    expect(result).toEqual({
      outcome: 'checked-in',
      delegation: { id: d.id, name: 'Delegation dci-a' },
      admitted: [
        { registrationId: d.members.get('Member dci-a 2'), name: 'Member dci-a 2' },
        { registrationId: d.members.get('Participant dci-a-head'), name: 'Participant dci-a-head' },
      ],
      already: [{ registrationId: early, name: 'Member dci-a 0', at: new Date('2026-12-24T01:02:00Z'), by: 'desk2.bkk' }],
      timeZone: 'Asia/Bangkok',
    });
    const rows = await t.db.select().from(registrations).where(eq(registrations.delegationId, d.id));
    expect(
      rows
        .filter((r) => r.status === 'checked_in')
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Member dci-a 0', 'Member dci-a 2', 'Participant dci-a-head']);
    expect(rows.find((r) => r.id === cancelled)!.status).toBe('cancelled');
    expect(await deskDelegations(t.db, bangkokDesk, EVENT, [d.id])).toEqual([{ id: d.id, name: 'Delegation dci-a', notYet: 0 }]);

    // Audited: the delegation once, each member admitted now once (with the delegation named).
    expect((await audits('delegation.check-in', d.id)).map((a) => [a.actorUserId, a.details])).toEqual([
      [bangkokDesk.userId, { name: 'Delegation dci-a', admitted: 2 }],
    ]);
    const head = d.members.get('Participant dci-a-head')!;
    expect((await audits('registration.check-in', head)).map((a) => a.details)).toEqual([
      { name: 'Participant dci-a-head', venue: 'bangkok', delegation: d.id },
    ]);

    // Pressed again: nobody admitted, everyone named as admitted before.
    const again = await checkInDelegation(t.db, organiser, EVENT, d.id, { now: new Date('2026-12-24T03:00:00Z') });
    expect(again).toMatchObject({ outcome: 'checked-in', admitted: [] });
    expect(again.outcome === 'checked-in' && again.already.map((m) => [m.name, m.by])).toEqual([
      ['Member dci-a 0', 'desk2.bkk'],
      ['Member dci-a 2', 'desk1.bkk'],
      ['Participant dci-a-head', 'desk1.bkk'],
    ]);
    expect(await audits('delegation.check-in', d.id)).toHaveLength(1);
  });

  it('refuses staff of another venue (nothing said, nothing written), people without a desk role, and an unknown delegation', async () => {
    const d = await delegationAtBangkok('dci-b', 3);
    expect(await checkInDelegation(t.db, nanningDesk, EVENT, d.id)).toEqual({ outcome: 'other-venue' });
    expect(await deskDelegations(t.db, nanningDesk, EVENT, [d.id])).toEqual([]);
    await expect(checkInDelegation(t.db, attendee, EVENT, d.id)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(checkInDelegation(t.db, null, EVENT, d.id)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await checkInDelegation(t.db, bangkokDesk, EVENT, '6f1c1a4e-8a2b-4c3d-9e8f-0a1b2c3d4e5f')).toEqual({ outcome: 'unknown' });
    const rows = await t.db.select().from(registrations).where(eq(registrations.delegationId, d.id));
    expect(rows.map((r) => r.status)).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect(await audits('delegation.check-in', d.id)).toEqual([]);
  });

  it('two desks pressing at the same moment: each member admitted once, the second desk told who was admitted by the first', async () => {
    const d = await delegationAtBangkok('dci-race', 5);
    // The read takes no lock (the update's condition is what admits once), so on PostgreSQL both desks
    // can be past it together: wait for the slower one as long as the negative control does, or a
    // loaded machine lets the first write before the second reads and the race is never run.
    const gate = meetingGate(readMembersToAdmit, 2, usingPostgres ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS);
    const steps = { read: gate.read, admit: admitMembersOnce };
    const [one, two] = await Promise.all([
      checkInDelegation(t.db, bangkokDesk, EVENT, d.id, { steps }),
      checkInDelegation(t.db, bangkokDesk2, EVENT, d.id, { steps }),
    ]);
    if (one.outcome !== 'checked-in' || two.outcome !== 'checked-in') throw new Error('not checked in');
    // Both read the same five members before either wrote (PostgreSQL; PGlite runs one at a time).
    if (usingPostgres) expect(gate.mostAtOnce()).toBe(2);
    const admitted = [...one.admitted, ...two.admitted].map((m) => m.registrationId).sort();
    expect(admitted).toEqual([...d.members.values()].sort());
    const [first, second] = one.admitted.length ? [one, two] : [two, one];
    expect(first.admitted).toHaveLength(5);
    expect(second.admitted).toEqual([]);
    const firstDesk = first === one ? 'desk1.bkk' : 'desk2.bkk';
    expect(second.already.map((m) => m.by)).toEqual(Array(5).fill(firstDesk));
    for (const id of d.members.values()) expect(await audits('registration.check-in', id)).toHaveLength(1);
    expect(await audits('delegation.check-in', d.id)).toHaveLength(1);
  });

  it.runIf(usingPostgres)(
    'negative control: without the update’s condition both desks admit every member, and each is audited twice',
    async () => {
      const d = await delegationAtBangkok('dci-neg', 3);
      const gate = meetingGate(readMembersToAdmit, 2, WAIT_FOR_ALL_UNLOCKED_MS);
      const steps = { read: gate.read, admit: admitMembersWithoutCondition };
      const [one, two] = await Promise.all([
        checkInDelegation(t.db, bangkokDesk, EVENT, d.id, { steps }),
        checkInDelegation(t.db, bangkokDesk2, EVENT, d.id, { steps }),
      ]);
      expect(gate.mostAtOnce()).toBe(2);
      expect(one.outcome === 'checked-in' && one.admitted).toHaveLength(3);
      expect(two.outcome === 'checked-in' && two.admitted).toHaveLength(3);
      for (const id of d.members.values()) expect(await audits('registration.check-in', id)).toHaveLength(2);
    },
  );
  it('offers the delegation of a person scanned at the desk: to the desk of its venue, with who is still to come; nothing for someone of none or for another venue', async () => {
    const d = await delegationAtBangkok('dci-scan', 3);
    const head = d.members.get('Participant dci-scan-head')!;
    await checkIn(t.db, bangkokDesk, EVENT, ticketCode(head), { now });
    expect(await deskDelegationOf(t.db, bangkokDesk, EVENT, head)).toEqual([{ id: d.id, name: 'Delegation dci-scan', notYet: 2 }]);
    // Another venue's desk learns nothing about it; a person of no delegation brings no offer.
    expect(await deskDelegationOf(t.db, nanningDesk, EVENT, head)).toEqual([]);
    const alone = await registerDelegationlessAtBangkok('dci-scan-alone');
    expect(await deskDelegationOf(t.db, bangkokDesk, EVENT, alone)).toEqual([]);
    await expect(deskDelegationOf(t.db, attendee, EVENT, head)).rejects.toBeInstanceOf(AuthorizationError);
  });
});
