import { eq } from 'drizzle-orm';
import { attendeeCategories } from '@/db/schema';
import type { Db } from '@/db/types';
import { vmsg } from '@/lib/validation/message';
import type { CategoryProblem } from './check-category';

/**
 * A registration in a category keeps to the category's attendance modes and venues when it is
 * changed later (from the manage link or by an organiser): otherwise an online-only delegate could
 * move themselves to a venue the category does not admit them to.
 */
export async function checkCategoryAttendance(
  db: Db,
  categoryId: string | null,
  change: { mode: string; venueId: string | null },
): Promise<CategoryProblem | null> {
  if (!categoryId) return null;
  const [category] = await db
    .select({ allowedModes: attendeeCategories.allowedModes, allowedVenueIds: attendeeCategories.allowedVenueIds })
    .from(attendeeCategories)
    .where(eq(attendeeCategories.id, categoryId));
  if (!category) return null;
  if (!(category.allowedModes as string[]).includes(change.mode)) return { field: 'mode', message: vmsg('categoryMode') };
  if (change.venueId && category.allowedVenueIds.length && !category.allowedVenueIds.includes(change.venueId))
    return { field: 'venue', message: vmsg('categoryVenue') };
  return null;
}
