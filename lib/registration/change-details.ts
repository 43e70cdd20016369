import { eq } from 'drizzle-orm';
import { registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { fieldErrors } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { answerRows } from './questions/answer-rows';
import { checkAnswers, submittedAnswers } from './questions/check-answers';
import { askedInCategory } from './questions/definition';
import { eventQuestions } from './questions/load';
import { replaceAnswers } from './questions/record-answers';
import { ownDetailsSchema } from './change-details-schema';

/**
 * A registrant changes their name, organisation, language and answers: checked as at registration
 * (the answers against the questions asked now), written together, audited without the values.
 */
export async function changeOwnDetails(db: Db, registrationId: string, raw: unknown): Promise<Result> {
  const [current] = await db.select().from(registrations).where(eq(registrations.id, registrationId));
  if (!current || current.erasedAt) return notFound('No such registration');
  if (current.status === 'cancelled') return invalid({ registration: vmsg('registrationCancelled') });
  const parsed = ownDetailsSchema.safeParse(raw);
  // The questions asked of this registration's category (or of everyone), as at registration.
  const questions = (await eventQuestions(db, current.eventId)).filter((q) => askedInCategory(q, current.categoryId));
  const answers = checkAnswers(questions, submittedAnswers(raw), { categoryId: current.categoryId });
  if (!parsed.success || !answers.ok)
    return invalid({ ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(answers.ok ? {} : answers.fields) });
  const details = parsed.data;
  await db.transaction(async (tx) => {
    await tx
      .update(registrations)
      .set({ ...details, updatedAt: new Date() })
      .where(eq(registrations.id, registrationId));
    await replaceAnswers(
      tx,
      registrationId,
      questions.map((q) => q.id),
      answerRows(questions, answers.answers),
    );
    await recordAudit(tx, {
      eventId: current.eventId,
      actorUserId: null,
      action: 'registration.details.self-change',
      entity: 'registration',
      entityId: registrationId,
      details: { changed: (['name', 'organisation', 'locale'] as const).filter((key) => current[key] !== details[key]) },
    });
  });
  return ok();
}
