import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { preparedPerDb } from '@/db/prepared';
import { events, registrationQuestions } from '@/db/schema';
import type { Db } from '@/db/types';

export type QuestionRow = typeof registrationQuestions.$inferSelect;

/** The questions still asked on a forum's form, in their order (by the forum's address: the registration path). */
const askedBySlug = preparedPerDb((db) =>
  db
    .select({ question: registrationQuestions })
    .from(registrationQuestions)
    .innerJoin(events, eq(events.id, registrationQuestions.eventId))
    .where(and(eq(events.slug, sql.placeholder('slug')), isNull(registrationQuestions.retiredAt)))
    .orderBy(asc(registrationQuestions.position))
    .prepare('asked_questions_by_slug'),
);

export async function askedQuestionsBySlug(db: Db, eventSlug: string): Promise<QuestionRow[]> {
  return (await askedBySlug(db).execute({ slug: eventSlug })).map((row) => row.question);
}

/** A forum's questions in their order; retired ones too when `withRetired` (to read old answers). */
export async function eventQuestions(db: Db, eventId: string, { withRetired = false } = {}): Promise<QuestionRow[]> {
  return db
    .select()
    .from(registrationQuestions)
    .where(and(eq(registrationQuestions.eventId, eventId), withRetired ? undefined : isNull(registrationQuestions.retiredAt)))
    .orderBy(asc(registrationQuestions.position));
}
