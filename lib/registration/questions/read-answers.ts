import { inArray } from 'drizzle-orm';
import { registrationAnswers } from '@/db/schema';
import type { Db } from '@/db/types';
import { pick } from '@/lib/i18n/text';
import { type AnswerRow, answerValue } from './answer-rows';
import type { AnswerValue } from './answer-schema';
import type { QuestionRow } from './load';

export type StoredAnswer = Omit<AnswerRow, 'numberValue'> & { numberValue: string | null };

/** The answers of these registrations: registration id → question id → stored answer. */
export async function answersOf(db: Db, registrationIds: readonly string[]): Promise<Map<string, Map<string, StoredAnswer>>> {
  const byRegistration = new Map<string, Map<string, StoredAnswer>>();
  if (!registrationIds.length) return byRegistration;
  const rows = await db
    .select()
    .from(registrationAnswers)
    .where(inArray(registrationAnswers.registrationId, [...registrationIds]));
  for (const row of rows) {
    const answers = byRegistration.get(row.registrationId) ?? new Map<string, StoredAnswer>();
    answers.set(row.questionId, row);
    byRegistration.set(row.registrationId, answers);
  }
  return byRegistration;
}

/**
 * An answer as text for people, in `locale`: the option's label (a retired option keeps its label),
 * "yes"/"no" in words, the number or date as given.
 */
export function answerText(
  question: QuestionRow,
  answer: StoredAnswer | undefined,
  locale: string,
  yesNo: { yes: string; no: string },
): string {
  if (!answer) return '';
  const value = answerValue(question, answer);
  if (value === null) return '';
  if (question.kind === 'yes_no') return value === 'yes' ? yesNo.yes : yesNo.no;
  if (question.kind === 'single_choice' || question.kind === 'multiple_choice') {
    const labels = new Map(question.options.map((option) => [option.id, pick(option.label, locale)]));
    return (Array.isArray(value) ? value : [String(value)]).map((id) => labels.get(id) ?? id).join('; ');
  }
  return String(value);
}

/** One registration's answers for the API: question id → value as the form sends it, with the version answered. */
export function answersForApi(questions: readonly QuestionRow[], answers: Map<string, StoredAnswer> | undefined) {
  const out: { questionId: string; questionVersion: number; value: AnswerValue }[] = [];
  for (const question of questions) {
    const answer = answers?.get(question.id);
    const value = answer ? answerValue(question, answer) : null;
    if (answer && value !== null) out.push({ questionId: question.id, questionVersion: answer.questionVersion, value });
  }
  return out;
}
