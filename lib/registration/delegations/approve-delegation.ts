import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { delegations, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { fieldErrors } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { multiLineText } from '@/lib/validation/text';
import { admitPending } from '../categories/admit';
import { lockCategory, type CategoryLock } from '../categories/category-seats';
import { retryingDeadlocks } from '../deadlock-retry';
import { lockSeats, type SeatLock } from '../seats';
import { GroupDoesNotFit } from './seat-group';

export const approveDelegationSchema = z.object({
  delegationId: z.uuid({ error: vmsg('delegationDecided') }),
  message: multiLineText(1000).default(''),
});

/**
 * An organiser approves a whole delegation in one action: every member still awaiting a decision
 * takes their category place and venue place in one transaction, all or nothing
 * (docs/delegations.md): with fewer places left than members nothing is approved and the answer says
 * how many are left. Each member gets the approval mail (to the head where they chose so).
 */
export async function approveDelegation(
  db: Db,
  actor: Actor | null,
  slug: string,
  raw: unknown,
  options: { categoryLock?: CategoryLock; seatLock?: SeatLock } = {},
): Promise<Result<{ approved: number }>> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = approveDelegationSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const [delegation] = await db
    .select()
    .from(delegations)
    .where(and(eq(delegations.id, parsed.data.delegationId), eq(delegations.eventId, event.id)));
  if (!delegation) return notFound('No such delegation');
  try {
    const approved = await retryingDeadlocks(() =>
      db.transaction(async (tx) => {
        const waiting = await tx
          .select({ id: registrations.id, categoryId: registrations.categoryId })
          .from(registrations)
          .where(and(eq(registrations.delegationId, delegation.id), eq(registrations.status, 'pending'), isNull(registrations.decision)))
          .orderBy(desc(registrations.delegationHead), asc(registrations.createdAt), asc(registrations.id));
        // One category per delegation, the head's (whatever the head's own status); a member an
        // organiser moved to another category is approved one by one.
        const [head] = await tx
          .select({ categoryId: registrations.categoryId })
          .from(registrations)
          .where(and(eq(registrations.delegationId, delegation.id), eq(registrations.delegationHead, true)));
        const categoryId = head?.categoryId;
        const members = waiting.filter((w) => categoryId && w.categoryId === categoryId);
        if (!categoryId || !members.length) return 0;
        const category = await (options.categoryLock ?? lockCategory)(tx, categoryId);
        if (!category) return 0;
        if (category.capacity !== null && category.capacity - category.confirmedCount < members.length)
          throw new GroupDoesNotFit('category', category.capacity - category.confirmedCount, members.length);
        const seatLock = wholeVenueOnce(options.seatLock ?? lockSeats, members.length);
        for (const member of members) {
          const admission = await admitPending(tx, category, member.id, {
            approval: { by: actor!.userId, message: parsed.data.message },
            seatLock,
          });
          if (admission !== 'seated') throw new GroupDoesNotFit('category', 0, members.length);
          await recordAudit(tx, {
            eventId: event.id,
            actorUserId: actor!.userId,
            action: 'registration.approve',
            entity: 'registration',
            entityId: member.id,
            details: { outcome: admission, delegation: delegation.id, ...(parsed.data.message ? { message: parsed.data.message } : {}) },
          });
        }
        await recordAudit(tx, {
          eventId: event.id,
          actorUserId: actor!.userId,
          action: 'delegation.approve',
          entity: 'delegation',
          entityId: delegation.id,
          details: { name: delegation.name, members: members.length },
        });
        return members.length;
      }),
    );
    if (!approved) return invalid({ delegationId: vmsg('delegationDecided') });
    return ok({ approved });
  } catch (error) {
    if (error instanceof GroupDoesNotFit)
      return invalid({
        delegationId: vmsg(error.where === 'venue' ? 'delegationVenueFull' : 'delegationNoPlaces', { free: error.free, size: error.size }),
      });
    throw error;
  }
}

/**
 * The seat lock for a delegation's approval: the first time it is taken (for the first member), the
 * venue must have a place for every member still to be seated, or nothing is approved.
 */
function wholeVenueOnce(lock: SeatLock, size: number): SeatLock {
  let checked = false;
  return async (tx, request) => {
    const locked = await lock(tx, request);
    if (!checked)
      for (const venue of locked.venues.values())
        if (venue.capacity !== null && venue.capacity - venue.confirmedCount < size)
          throw new GroupDoesNotFit('venue', Math.max(0, venue.capacity - venue.confirmedCount), size);
    checked = true;
    return locked;
  };
}

/** The same, for the delegation a registration of the event belongs to (the registration's page). */
export async function approveDelegationOf(db: Db, actor: Actor | null, slug: string, registrationId: string, message: unknown) {
  const event = await organiserEvent(db, actor, slug);
  const [row] = await db
    .select({ delegationId: registrations.delegationId })
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id)));
  return approveDelegation(db, actor, slug, { delegationId: row?.delegationId ?? undefined, message });
}
