import { and, asc, eq, or } from 'drizzle-orm';
import { attendeeCategories } from '@/db/schema';
import type { Db } from '@/db/types';
import { categoryForCode } from './invitation-codes';

export type OfferedCategory = Pick<
  typeof attendeeCategories.$inferSelect,
  'id' | 'name' | 'description' | 'requiresApproval' | 'allowedModes' | 'allowedVenueIds' | 'visibility'
>;

/**
 * The categories the register form offers: the public ones, and the hidden one a valid code opens
 * (`unlockedBy`: its id; null when no code was given or the code is not valid now, whatever the reason).
 */
export async function offeredCategories(
  db: Db,
  eventId: string,
  code: string | null,
  now: Date,
): Promise<{ categories: OfferedCategory[]; unlockedBy: string | null; codeRejected: boolean }> {
  const unlocked = code ? await categoryForCode(db, eventId, code, now) : null;
  const categories = await db
    .select({
      id: attendeeCategories.id,
      name: attendeeCategories.name,
      description: attendeeCategories.description,
      requiresApproval: attendeeCategories.requiresApproval,
      allowedModes: attendeeCategories.allowedModes,
      allowedVenueIds: attendeeCategories.allowedVenueIds,
      visibility: attendeeCategories.visibility,
    })
    .from(attendeeCategories)
    .where(
      and(
        eq(attendeeCategories.eventId, eventId),
        unlocked
          ? or(eq(attendeeCategories.visibility, 'public'), eq(attendeeCategories.id, unlocked))
          : eq(attendeeCategories.visibility, 'public'),
      ),
    )
    .orderBy(asc(attendeeCategories.position), asc(attendeeCategories.createdAt));
  return { categories, unlockedBy: unlocked, codeRejected: Boolean(code) && !unlocked };
}
