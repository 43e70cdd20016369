import { pick } from '@/lib/i18n/text';
import { activeOptions, type QuestionDefinition } from './definition';

/** A question as the registration form shows it: its definition (the form checks with it) and its words in the page's language. */
export type QuestionOnForm = QuestionDefinition & {
  text: { label: string; help: string; options: { id: string; label: string }[] };
};

type StoredQuestion = QuestionDefinition & { label: Parameters<typeof pick>[0]; help: Parameters<typeof pick>[0] };

export function questionsOnForm(questions: readonly StoredQuestion[], locale: string): QuestionOnForm[] {
  return questions.map((question) => ({
    id: question.id,
    kind: question.kind,
    required: question.required,
    // The form offers only current options; the definition it checks with has no retired ones either.
    options: activeOptions(question),
    conditionQuestionId: question.conditionQuestionId,
    conditionValues: question.conditionValues,
    categoryIds: question.categoryIds,
    version: question.version,
    text: {
      label: pick(question.label, locale),
      help: pick(question.help, locale),
      options: activeOptions(question).map((option) => ({ id: option.id, label: pick(option.label, locale) })),
    },
  }));
}
