import type { Db } from '@/db/types';
import { type Locale, locales } from '@/lib/i18n/locales';
import { answerValue } from '../questions/answer-rows';
import { eventQuestions } from '../questions/load';
import { questionsOnForm } from '../questions/on-form';
import { answersOf } from '../questions/read-answers';
import type { OrganiserEditValues } from './edit-registration-schema';

type Editable = {
  id: string;
  eventId: string;
  name: string;
  email: string;
  organisation: string;
  jobTitle: string;
  country: string;
  participantType: OrganiserEditValues['participantType'];
  needs: string;
  locale: string;
  categoryId: string | null;
};

/** The organisers' edit form on a registration's page: its values as stored, and the questions asked now. */
export async function organiserEditForm(db: Db, registration: Editable, locale: string) {
  const [questions, answers] = await Promise.all([eventQuestions(db, registration.eventId), answersOf(db, [registration.id])]);
  const given = answers.get(registration.id);
  const values: Record<string, unknown> = {};
  for (const question of questions) {
    const answer = given?.get(question.id);
    const value = answer ? answerValue(question, answer) : null;
    if (value !== null) values[question.id] = typeof value === 'number' ? String(value) : value;
  }
  const defaults: OrganiserEditValues = {
    name: registration.name,
    email: registration.email,
    organisation: registration.organisation,
    jobTitle: registration.jobTitle,
    country: registration.country,
    participantType: registration.participantType,
    needs: registration.needs,
    locale: (locales as readonly string[]).includes(registration.locale) ? (registration.locale as Locale) : 'en',
    category: registration.categoryId ?? '',
    answers: values,
  };
  return { defaults, questions: questionsOnForm(questions, locale) };
}
