import { and, eq, sql } from 'drizzle-orm';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { freeCategoryPlace, holdsCategoryPlace, type LockedCategory } from './category-seats';

/**
 * A registration leaving its (locked) category: a place it held is counted free, and a place it held
 * in the category's line is closed up. The first in line is admitted afterwards (fillCategory), in a
 * transaction of its own that locks their seats in the usual order.
 */
export async function leaveCategory(
  tx: Db,
  category: LockedCategory,
  registration: { status: string; categoryWaitlistPosition: number | null },
): Promise<void> {
  if (holdsCategoryPlace(registration.status)) await freeCategoryPlace(tx, category);
  else if (registration.categoryWaitlistPosition !== null)
    await closeCategoryLineGap(tx, category.id, registration.categoryWaitlistPosition);
}

/** Everyone behind a place that left the category's line moves up one. */
export function closeCategoryLineGap(tx: Db, categoryId: string, position: number) {
  return tx
    .update(registrations)
    .set({ categoryWaitlistPosition: sql`${registrations.categoryWaitlistPosition} - 1` })
    .where(
      and(
        eq(registrations.categoryId, categoryId),
        eq(registrations.status, 'pending'),
        sql`${registrations.categoryWaitlistPosition} > ${position}`,
      ),
    );
}
