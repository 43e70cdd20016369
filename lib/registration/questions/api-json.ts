import type { QuestionRow } from './load';

/** A question as the public API shows it: what the form asks and how to answer it, never anyone's answers. */
export function questionJson(question: QuestionRow) {
  return {
    id: question.id,
    position: question.position,
    kind: question.kind,
    required: question.required,
    label: question.label,
    help: question.help,
    options: question.options.filter((option) => !option.retired).map((option) => ({ id: option.id, label: option.label })),
    condition: question.conditionQuestionId ? { questionId: question.conditionQuestionId, values: question.conditionValues ?? [] } : null,
    categoryIds: question.categoryIds,
    version: question.version,
  };
}
