import type { QuestionKind, QuestionOption } from '@/db/schema/questions';

export type { QuestionKind, QuestionOption };

/** What validating an answer needs to know of its question (the form also needs the words: QuestionOnForm). */
export type QuestionDefinition = {
  id: string;
  kind: QuestionKind;
  required: boolean;
  options: QuestionOption[];
  conditionQuestionId: string | null;
  conditionValues: string[] | null;
  categoryIds: string[] | null;
  version: number;
  retiredAt?: Date | string | null;
};

/** Kinds whose answer can be a condition of another question: one value out of a closed list. */
export const CONDITION_KINDS: readonly QuestionKind[] = ['single_choice', 'yes_no'];

/** Kinds answered by choosing among the question's own options. */
export const CHOICE_KINDS: readonly QuestionKind[] = ['single_choice', 'multiple_choice'];

/** Whether the question is asked of someone registering in `categoryId` (none: only questions for everyone). */
export function askedInCategory(question: Pick<QuestionDefinition, 'categoryIds'>, categoryId: string | null | undefined): boolean {
  return question.categoryIds === null || (categoryId != null && question.categoryIds.includes(categoryId));
}

/** The options still offered (retired ones stay only to read old answers). */
export function activeOptions(question: Pick<QuestionDefinition, 'options'>): QuestionOption[] {
  return question.options.filter((option) => !option.retired);
}

/** A yes/no answer as the form and the API give it. */
export const YES_NO = ['yes', 'no'] as const;
