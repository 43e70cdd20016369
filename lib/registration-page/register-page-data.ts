import { getMessages } from 'next-intl/server';
import { registrationFormOptions, type FormOptions } from '@/lib/agenda/form-options';
import { loadPublicAgenda } from '@/lib/agenda/load';
import { seatsLeft } from '@/lib/agenda/public-agenda';
import { getDb } from '@/lib/database/process-database';
import { type EventPhase, eventPhase } from '@/lib/events/lifecycle';
import type { Locale } from '@/lib/i18n/locales';
import type { PlainMessages } from '@/lib/i18n/plain-translator';
import { pick } from '@/lib/i18n/text';
import { offeredCategories } from '@/lib/registration/categories/public-categories';
import { askedQuestionsBySlug } from '@/lib/registration/questions/load';
import { type QuestionOnForm, questionsOnForm } from '@/lib/registration/questions/on-form';

type PublicEvent = NonNullable<Awaited<ReturnType<typeof loadPublicAgenda>>>['event'];

/** What the registration form needs, apart from its action and what the page preselects. */
export type RegisterFormProps = {
  options: FormOptions;
  messages: PlainMessages;
  validationMessages: PlainMessages;
  questions: QuestionOnForm[];
  categories: { id: string; name: string; description: string; requiresApproval: boolean; invitation: boolean }[];
  initial: { category: string | null; code: string | null; codeRejected: boolean };
};

export type RegisterPageData =
  | { state: 'missing' }
  | { state: 'not-open'; phase: Exclude<EventPhase, 'open'>; event: PublicEvent }
  | { state: 'open'; eventName: string; form: RegisterFormProps };

/**
 * Everything a registration page reads, for a person alone or a head of delegation alike: the event
 * and whether it takes registrations now, the choices with seats left, the organisers' questions, and
 * the categories offered (an invitation code, from the link or typed in, unlocks its own).
 */
export async function registerPageData(
  slug: string,
  locale: Locale,
  code: string | undefined,
  now = new Date(),
): Promise<RegisterPageData> {
  const agenda = await loadPublicAgenda(slug);
  if (!agenda) return { state: 'missing' };
  const phase = eventPhase(agenda.event, now);
  if (phase !== 'open') return { state: 'not-open', phase, event: agenda.event };
  const db = await getDb();
  const [seats, questions, offered, messages] = await Promise.all([
    seatsLeft(db, agenda.event.id),
    askedQuestionsBySlug(db, slug),
    offeredCategories(db, agenda.event.id, code?.trim() || null, now),
    getMessages(),
  ]);
  return {
    state: 'open',
    eventName: pick(agenda.event.name, locale),
    form: {
      options: registrationFormOptions(agenda, seats, locale),
      messages: messages.register as PlainMessages,
      validationMessages: messages.validation as PlainMessages,
      questions: questionsOnForm(questions, locale),
      categories: offered.categories.map((c) => ({
        id: c.id,
        name: pick(c.name, locale),
        description: pick(c.description, locale),
        requiresApproval: c.requiresApproval,
        invitation: c.visibility === 'invitation',
      })),
      initial: { category: offered.unlockedBy, code: code ?? null, codeRejected: offered.codeRejected },
    },
  };
}
