import type { Db } from '@/db/types';
import { type Locale, locales } from '@/lib/i18n/locales';
import type { OwnDetailsValues } from '../change-details-schema';
import { answerValue } from './answer-rows';
import { askedInCategory } from './definition';
import { eventQuestions } from './load';
import { questionsOnForm } from './on-form';
import { answersOf } from './read-answers';

/** The manage page's details form: the questions asked now, with this registrant's details and answers as its values. */
export async function ownAnswersForForm(
  db: Db,
  registration: { id: string; eventId: string; name: string; organisation: string; locale: string; categoryId: string | null },
  locale: string,
) {
  const [all, answers] = await Promise.all([eventQuestions(db, registration.eventId), answersOf(db, [registration.id])]);
  // Only the questions asked of this registration's category; the form then treats them as asked of
  // everyone (its schema has no category of its own to choose by).
  const questions = all.filter((q) => askedInCategory(q, registration.categoryId)).map((q) => ({ ...q, categoryIds: null }));
  const given = answers.get(registration.id);
  const values: Record<string, unknown> = {};
  for (const question of questions) {
    const answer = given?.get(question.id);
    const value = answer ? answerValue(question, answer) : null;
    if (value !== null) values[question.id] = typeof value === 'number' ? String(value) : value;
  }
  const defaults: OwnDetailsValues = {
    name: registration.name,
    organisation: registration.organisation,
    locale: (locales as readonly string[]).includes(registration.locale) ? (registration.locale as Locale) : 'en',
    answers: values,
  };
  return { defaults, questions: questionsOnForm(questions, locale) };
}
