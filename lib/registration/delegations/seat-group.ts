import { inArray } from 'drizzle-orm';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { insertPending } from '../categories/register-in-category';
import { lockCategory, takeCategoryPlace, type CategoryLock, type LockedCategory } from '../categories/category-seats';
import { recordRegistrations, type PreparedRegistration } from '../record-registrations';
import type { RegistrationOutcome } from '../result';
import { lockSeats, type SeatLock } from '../seats';

export type GroupLocks = { categoryLock?: CategoryLock; seatLock?: SeatLock };

/** The group does not fit whole: the category's or the venue's free places, and how many it needed. */
export class GroupDoesNotFit extends Error {
  constructor(
    readonly where: 'category' | 'venue',
    readonly free: number,
    readonly size: number,
  ) {
    super(`the delegation of ${size} does not fit: ${free} places left in the ${where}`);
  }
}

/** A member's address is already registered for the event: the whole group is refused (its index in the group). */
export class MemberTaken extends Error {
  constructor(readonly index: number) {
    super(`member ${index} is already registered`);
  }
}

/**
 * Writes a delegation's registrations (a new delegation, or members added to one) in the caller's
 * transaction, all or nothing, in the lock order every writer follows (docs/delegations.md): the
 * category's row lock, then the venue and session seats (lockSeats), then the rows.
 * - In a category that needs approval, every one is `pending` and holds no seat.
 * - Otherwise the group takes one category place and one venue place each, or nothing: with fewer
 *   places left than people, GroupDoesNotFit is thrown and the transaction rolls back whole.
 * - A member's address already registered throws MemberTaken (nothing is kept either).
 */
export async function seatGroup(
  tx: Db,
  group: PreparedRegistration[],
  categoryId: string | null,
  locks: GroupLocks = {},
): Promise<{ outcomes: RegistrationOutcome[]; pending: boolean }> {
  const category = categoryId ? await (locks.categoryLock ?? lockCategory)(tx, categoryId) : null;
  if (categoryId && !category) throw new Error(`category ${categoryId} vanished`);
  const size = group.length;
  if (category?.requiresApproval) {
    const outcomes: RegistrationOutcome[] = [];
    for (const registration of group) {
      const outcome = await insertPending(tx, registration, category.id, null);
      if (!outcome.ok) throw new MemberTaken(group.indexOf(registration));
      outcomes.push(outcome);
    }
    return { outcomes, pending: true };
  }
  if (category && category.capacity !== null && category.capacity - category.confirmedCount < size)
    throw new GroupDoesNotFit('category', category.capacity - category.confirmedCount, size);
  const outcomes = await recordRegistrations(tx, wholeGroupSeats(locks.seatLock ?? lockSeats, size), group);
  const taken = outcomes.findIndex((outcome) => !outcome.ok);
  if (taken >= 0) throw new MemberTaken(taken);
  if (category) await takePlaces(tx, category, group);
  return { outcomes, pending: false };
}

/** The seat lock, refusing the group when its venue has fewer free places than its people (all or nothing). */
function wholeGroupSeats(lock: SeatLock, size: number): SeatLock {
  return async (tx, request) => {
    const locked = await lock(tx, request);
    for (const venue of locked.venues.values())
      if (venue.capacity !== null && venue.capacity - venue.confirmedCount < size)
        throw new GroupDoesNotFit('venue', Math.max(0, venue.capacity - venue.confirmedCount), size);
    return locked;
  };
}

async function takePlaces(tx: Db, category: LockedCategory, group: PreparedRegistration[]): Promise<void> {
  for (const _ of group) await takeCategoryPlace(tx, category);
  await tx
    .update(registrations)
    .set({ categoryId: category.id })
    .where(
      inArray(
        registrations.id,
        group.map((r) => r.id),
      ),
    );
}
