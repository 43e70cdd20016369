import { count, eq } from 'drizzle-orm';
import { registrationAnswers, registrationQuestions } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { eventQuestions, type QuestionRow } from '../load';

export type ListedQuestion = QuestionRow & { answers: number };

/** An event's questions for its organisers: the asked ones in order, then the retired ones, each with how many answered it. */
export async function listQuestions(
  db: Db,
  actor: Actor | null,
  slug: string,
): Promise<{ asked: ListedQuestion[]; retired: ListedQuestion[] }> {
  const event = await organiserEvent(db, actor, slug);
  const [questions, counts] = await Promise.all([
    eventQuestions(db, event.id, { withRetired: true }),
    db
      .select({ questionId: registrationAnswers.questionId, n: count() })
      .from(registrationAnswers)
      .innerJoin(registrationQuestions, eq(registrationQuestions.id, registrationAnswers.questionId))
      .where(eq(registrationQuestions.eventId, event.id))
      .groupBy(registrationAnswers.questionId),
  ]);
  const answered = new Map(counts.map((row) => [row.questionId, row.n]));
  const listed = questions.map((question) => ({ ...question, answers: answered.get(question.id) ?? 0 }));
  return { asked: listed.filter((q) => !q.retiredAt), retired: listed.filter((q) => q.retiredAt) };
}
