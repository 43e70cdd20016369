import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { retryingDeadlocks } from '../deadlock-retry';
import { admitPending } from './admit';
import { hasCategoryPlace, lockCategory } from './category-seats';

/**
 * Gives every free place of a category to the first in its line, one registration per transaction
 * (category lock, then that registration's seats, in the order every writer follows). Run after
 * whatever frees a place or adds some: a cancellation (right after it commits), an organiser raising
 * the capacity. It only gives out what is free, so running it again, or after an interruption
 * between a cancellation and it, is harmless. Returns who got a place.
 */
export async function fillCategory(db: Db, categoryId: string): Promise<string[]> {
  const admitted: string[] = [];
  for (;;) {
    const next = await retryingDeadlocks(() =>
      db.transaction(async (tx) => {
        const category = await lockCategory(tx, categoryId);
        if (!category || !hasCategoryPlace(category)) return null;
        const [first] = await tx
          .select({ id: registrations.id })
          .from(registrations)
          .where(
            and(
              eq(registrations.categoryId, categoryId),
              eq(registrations.status, 'pending'),
              isNotNull(registrations.categoryWaitlistPosition),
            ),
          )
          .orderBy(asc(registrations.categoryWaitlistPosition))
          .limit(1);
        if (!first) return null;
        return (await admitPending(tx, category, first.id, { approval: null })) === 'seated' ? first.id : null;
      }),
    );
    if (!next) return admitted;
    admitted.push(next);
  }
}

/** fillCategory for the category of a registration (none: nothing to do). */
export async function fillCategoryOf(db: Db, registrationId: string): Promise<string[]> {
  const [row] = await db.select({ categoryId: registrations.categoryId }).from(registrations).where(eq(registrations.id, registrationId));
  return row?.categoryId ? fillCategory(db, row.categoryId) : [];
}
