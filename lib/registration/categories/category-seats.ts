import { sql } from 'drizzle-orm';
import { resultRows } from '@/db/rows';
import type { Db } from '@/db/types';

export type LockedCategory = {
  id: string;
  capacity: number | null;
  confirmedCount: number;
  requiresApproval: boolean;
  /** The last place in the category's line (pending registrations waiting for a place; 0 when none). */
  waitlistTail: number;
};

/**
 * Takes a category's row lock and reads its seats, like lockSeats does for venues and sessions.
 * Every writer that gives or frees a category place takes it first, before the venue and session
 * locks (lib/registration/seats.ts), so two writers never wait on each other in a cycle: a new
 * registration in the category, an approval, a cancellation, an organiser changing the capacity.
 * NO KEY UPDATE, because a registration row inserted in the category holds KEY SHARE on it.
 */
export type CategoryLock = (tx: Db, categoryId: string) => Promise<LockedCategory | null>;

export const lockCategory: CategoryLock = (tx, categoryId) => readCategory(tx, categoryId, true);

/** The same read without the lock. Only for the negative-control test, which must then see oversell attempts. */
export const readCategoryWithoutLocking: CategoryLock = (tx, categoryId) => readCategory(tx, categoryId, false);

type CategoryRow = { id: string; capacity: number | null; confirmed_count: number; requires_approval: boolean; tail: number };

async function readCategory(tx: Db, categoryId: string, forUpdate: boolean): Promise<LockedCategory | null> {
  const locking = forUpdate ? sql` for no key update` : sql``;
  // The tail is read in a second statement, after the lock is held, so it sees every place given by
  // whoever held the lock before.
  const [row] = resultRows<Omit<CategoryRow, 'tail'>>(
    await tx.execute(
      sql`select id, capacity, confirmed_count, requires_approval from attendee_categories where id = ${categoryId}${locking}`,
    ),
  );
  if (!row) return null;
  const [tail] = resultRows<{ tail: number }>(
    await tx.execute(
      sql`select coalesce(max(category_waitlist_position), 0)::int as tail from registrations where category_id = ${categoryId} and status = 'pending'`,
    ),
  );
  return {
    id: row.id,
    capacity: row.capacity,
    confirmedCount: row.confirmed_count,
    requiresApproval: row.requires_approval,
    waitlistTail: tail?.tail ?? 0,
  };
}

export function hasCategoryPlace(category: Pick<LockedCategory, 'capacity' | 'confirmedCount'>): boolean {
  return category.capacity === null || category.confirmedCount < category.capacity;
}

/** Counts one more place taken in a locked category (the CHECK refuses it past the capacity). */
export async function takeCategoryPlace(tx: Db, category: LockedCategory): Promise<void> {
  await tx.execute(sql`update attendee_categories set confirmed_count = confirmed_count + 1 where id = ${category.id}`);
  category.confirmedCount += 1;
}

/** Counts one place freed in a locked category. */
export async function freeCategoryPlace(tx: Db, category: LockedCategory): Promise<void> {
  await tx.execute(sql`update attendee_categories set confirmed_count = confirmed_count - 1 where id = ${category.id}`);
  category.confirmedCount -= 1;
}

/** The registration statuses that hold a place in their category. `pending` holds none (docs/categories.md). */
export const HOLDS_CATEGORY_PLACE = ['confirmed', 'waitlisted', 'checked_in'] as const;

export function holdsCategoryPlace(status: string): boolean {
  return (HOLDS_CATEGORY_PLACE as readonly string[]).includes(status);
}
