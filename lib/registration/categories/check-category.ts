import { and, eq } from 'drizzle-orm';
import { attendeeCategories } from '@/db/schema';
import type { Db } from '@/db/types';
import { vmsg } from '@/lib/validation/message';
import type { ChoiceContext } from '../choices';
import type { RegistrationInput } from '../schema';
import { categoryForCode } from './invitation-codes';

export type Category = typeof attendeeCategories.$inferSelect;
export type CategoryProblem = { field: 'category' | 'code' | 'mode' | 'venue'; message: string };

/**
 * Checks the chosen category against its rules: it belongs to the event; an invitation-only one needs
 * a valid code of its own (an unknown category and a hidden one without its code get the same
 * answer, and a wrong, expired or used-up code one answer, so nothing says a hidden category
 * exists); its window; the attendance modes and venues it allows. The code is used only when the
 * registration is written (register-in-category.ts).
 */
export async function checkCategory(
  db: Db,
  eventId: string,
  input: Pick<RegistrationInput, 'category' | 'code' | 'mode'>,
  choices: Pick<ChoiceContext, 'venue'>,
  now: Date,
): Promise<Category | CategoryProblem> {
  const [category] = await db
    .select()
    .from(attendeeCategories)
    .where(and(eq(attendeeCategories.id, input.category!), eq(attendeeCategories.eventId, eventId)));
  if (input.code && (await categoryForCode(db, eventId, input.code, now)) !== category?.id)
    return { field: 'code', message: vmsg('invitationCode') };
  if (!category || (category.visibility === 'invitation' && !input.code)) return { field: 'category', message: vmsg('category') };
  if (category.opensAt && now < category.opensAt) return { field: 'category', message: vmsg('categoryNotYet') };
  if (category.closesAt && now >= category.closesAt) return { field: 'category', message: vmsg('categoryClosed') };
  if (!category.allowedModes.includes(input.mode)) return { field: 'mode', message: vmsg('categoryMode') };
  if (choices.venue && category.allowedVenueIds.length && !category.allowedVenueIds.includes(choices.venue.id))
    return { field: 'venue', message: vmsg('categoryVenue') };
  return category;
}
