import { attendeeCategories } from '@/db/schema';
import type { Db } from '@/db/types';
import { person } from './registration';

/** An attendee category of an event, with only the English name unless `values` say more. */
export async function insertCategory(db: Db, eventId: string, name: string, values: Partial<typeof attendeeCategories.$inferInsert> = {}) {
  const [row] = await db
    .insert(attendeeCategories)
    .values({ eventId, name: { en: name }, ...values })
    .returning();
  return row!;
}

/** The registration form's input of someone following online. */
export const onlinePerson = (n: string, overrides: Record<string, unknown> = {}) =>
  person(n, { mode: 'online', venue: null, ...overrides });

/** A head's delegation form: the head `<tag>-head` online and `size - 1` members `m<i>.<tag>@example.org`. */
export function delegationInput(tag: string, size: number, overrides: Record<string, unknown> = {}) {
  return {
    ...onlinePerson(`${tag}-head`),
    delegation: { name: `Delegation ${tag}`, country: 'LA', agency: 'Ministry of Science' },
    members: Array.from({ length: size - 1 }, (_, i) => ({ name: `Member ${tag} ${i}`, email: `m${i}.${tag}@example.org` })),
    ...overrides,
  };
}
