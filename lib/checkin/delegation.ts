import { and, asc, count, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { delegations, registrations, users, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { eventAccess } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import { DESK } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The venues a desk admits at: null for organisers and event-wide staff, else their own venues. */
type DeskScope = string[] | null;

/** A delegation as the desk offers it: how many of its members at the desk's venues are still to check in. */
export type DeskDelegation = { id: string; name: string; notYet: number };

/** A member the desk admitted, or one admitted before (when, and by whom: the desk member's name or address). */
export type AdmittedMember = { registrationId: string; name: string };
export type EarlierMember = { registrationId: string; name: string; at: Date; by: string };

export type DelegationCheckIn =
  | {
      outcome: 'checked-in';
      delegation: { id: string; name: string };
      /** Admitted by this call, each exactly once. */
      admitted: AdmittedMember[];
      /** Already admitted before this call (by another desk, or a scan). */
      already: EarlierMember[];
      /** The venue's time zone, for the times the desk shows. */
      timeZone: string;
    }
  | { outcome: 'other-venue' }
  | { outcome: 'unknown' };

/** Reads the members a desk would admit, inside the transaction (tests gate it to force the race). */
export type ReadMembers = (tx: Tx, delegationId: string, scope: DeskScope) => Promise<string[]>;
/** Admits those members once: the ones someone else admitted first are left out of the answer. */
export type AdmitMembers = (tx: Tx, ids: string[], byUserId: string, now: Date) => Promise<AdmittedMember[]>;

const atDesk = (scope: DeskScope) =>
  and(ne(registrations.mode, 'online'), isNotNull(registrations.venueId), scope ? inArray(registrations.venueId, scope) : undefined);

export const readMembersToAdmit: ReadMembers = async (tx, delegationId, scope) =>
  (
    await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(
        and(
          eq(registrations.delegationId, delegationId),
          eq(registrations.status, 'confirmed'),
          isNull(registrations.checkedInAt),
          atDesk(scope),
        ),
      )
  ).map((r) => r.id);

/**
 * The conditional update is the lock, as for one check-in (check-in.ts): a second desk admitting the
 * same delegation at once waits for the first's row locks, then finds those rows no longer confirmed
 * and not yet admitted, and leaves them out.
 */
export const admitMembersOnce: AdmitMembers = async (tx, ids, byUserId, now) =>
  ids.length
    ? tx
        .update(registrations)
        .set({ status: 'checked_in', checkedInAt: now, checkedInBy: byUserId, updatedAt: now })
        .where(and(inArray(registrations.id, ids), eq(registrations.status, 'confirmed'), isNull(registrations.checkedInAt)))
        .returning({ registrationId: registrations.id, name: registrations.name })
    : [];

/**
 * Negative control only (tests/integration/delegation-check-in.test.ts): the update without its
 * condition, so two desks that read the same members both admit them all.
 */
export const admitMembersWithoutCondition: AdmitMembers = async (tx, ids, byUserId, now) =>
  ids.length
    ? tx
        .update(registrations)
        .set({ status: 'checked_in', checkedInAt: now, checkedInBy: byUserId, updatedAt: now })
        .where(inArray(registrations.id, ids))
        .returning({ registrationId: registrations.id, name: registrations.name })
    : [];

export type DelegationCheckInOptions = { now?: Date; steps?: { read: ReadMembers; admit: AdmitMembers } };

async function deskScope(db: Db, actor: Actor | null, slug: string) {
  const access = await eventAccess(db, actor, slug, DESK);
  // As for one check-in: organisers, and staff with an event-wide membership, admit at any venue.
  const scope: DeskScope =
    access.roles.includes('organiser') || access.venueIds.includes(null) ? null : (access.venueIds.filter(Boolean) as string[]);
  return { event: access.event, scope };
}

/**
 * The delegations of the people a desk search found, each with the number of its members at the
 * desk's venues still to check in (confirmed, not yet admitted, attending in person).
 */
export async function deskDelegations(db: Db, actor: Actor | null, slug: string, delegationIds: string[]): Promise<DeskDelegation[]> {
  const { event, scope } = await deskScope(db, actor, slug);
  const ids = [...new Set(delegationIds)];
  if (!ids.length) return [];
  return db
    .select({
      id: delegations.id,
      name: delegations.name,
      notYet: sql<number>`(count(*) filter (where ${registrations.status} = 'confirmed' and ${registrations.checkedInAt} is null))::int`,
    })
    .from(delegations)
    .innerJoin(registrations, eq(registrations.delegationId, delegations.id))
    .where(and(eq(delegations.eventId, event.id), inArray(delegations.id, ids), atDesk(scope)))
    .groupBy(delegations.id, delegations.name)
    .orderBy(asc(delegations.name));
}

/**
 * The delegation of a person the desk just scanned, offered as a search offers it (empty when they
 * belong to none, or none of its members is at the desk's venues): a head of delegation's ticket at
 * the door brings the button that admits the others.
 */
export async function deskDelegationOf(db: Db, actor: Actor | null, slug: string, registrationId: string): Promise<DeskDelegation[]> {
  const { event } = await deskScope(db, actor, slug);
  const [person] = await db
    .select({ delegationId: registrations.delegationId })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id)));
  return person?.delegationId ? deskDelegations(db, actor, slug, [person.delegationId]) : [];
}

/**
 * Checks in, in one transaction, every confirmed member of a delegation at the desk's venues not yet
 * checked in, each exactly once however many desks press at the same moment; the answer names the
 * members admitted now and those admitted before (when, and by which desk). Staff of another venue
 * are refused without learning anything about the delegation. Audited per member
 * (`registration.check-in`) and for the delegation (`delegation.check-in`).
 */
export async function checkInDelegation(
  db: Db,
  actor: Actor | null,
  slug: string,
  delegationId: string,
  options: DelegationCheckInOptions = {},
): Promise<DelegationCheckIn> {
  const { event, scope } = await deskScope(db, actor, slug);
  const now = options.now ?? new Date();
  const { read, admit } = options.steps ?? { read: readMembersToAdmit, admit: admitMembersOnce };
  const [delegation] = await db
    .select({ id: delegations.id, name: delegations.name })
    .from(delegations)
    .where(and(eq(delegations.id, delegationId), eq(delegations.eventId, event.id)));
  if (!delegation) return { outcome: 'unknown' };
  const [here] = await db
    .select({ n: count(), timeZone: sql<string>`min(${venues.timeZone})`, venue: sql<string>`min(${venues.slug})` })
    .from(registrations)
    .innerJoin(venues, eq(venues.id, registrations.venueId))
    .where(and(eq(registrations.delegationId, delegationId), atDesk(scope)));
  if (!here?.n) return { outcome: 'other-venue' };

  return db.transaction(async (tx) => {
    const ids = await read(tx, delegationId, scope);
    const admitted = await admit(tx, ids, actor!.userId, now);
    const admittedIds = new Set(admitted.map((m) => m.registrationId));
    const earlier = await tx
      .select({
        registrationId: registrations.id,
        name: registrations.name,
        at: registrations.checkedInAt,
        byName: users.name,
        byEmail: users.email,
      })
      .from(registrations)
      .leftJoin(users, eq(users.id, registrations.checkedInBy))
      .where(and(eq(registrations.delegationId, delegationId), isNotNull(registrations.checkedInAt), atDesk(scope)))
      .orderBy(asc(registrations.name));
    for (const member of admitted) {
      await recordAudit(tx, {
        eventId: event.id,
        actorUserId: actor!.userId,
        action: 'registration.check-in',
        entity: 'registration',
        entityId: member.registrationId,
        details: { name: member.name, venue: here.venue, delegation: delegation.id },
      });
    }
    if (admitted.length) {
      await recordAudit(tx, {
        eventId: event.id,
        actorUserId: actor!.userId,
        action: 'delegation.check-in',
        entity: 'delegation',
        entityId: delegation.id,
        details: { name: delegation.name, admitted: admitted.length },
      });
    }
    return {
      outcome: 'checked-in' as const,
      delegation,
      admitted: [...admitted].sort((a, b) => a.name.localeCompare(b.name)),
      already: earlier
        .filter((m) => !admittedIds.has(m.registrationId))
        .map((m) => ({ registrationId: m.registrationId, name: m.name, at: m.at!, by: m.byName || m.byEmail || '—' })),
      timeZone: here.timeZone,
    };
  });
}
