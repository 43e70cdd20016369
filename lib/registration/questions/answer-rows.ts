import type { AnswerValue } from './answer-schema';
import type { QuestionDefinition } from './definition';

/** One answer as stored: the value in the column of its question's kind, the others null. */
export type AnswerRow = {
  questionId: string;
  questionVersion: number;
  textValue: string | null;
  numberValue: string | null;
  dateValue: string | null;
  boolValue: boolean | null;
  optionIds: string[] | null;
};

export function answerRow(question: QuestionDefinition, value: AnswerValue): AnswerRow {
  const row: AnswerRow = {
    questionId: question.id,
    questionVersion: question.version,
    textValue: null,
    numberValue: null,
    dateValue: null,
    boolValue: null,
    optionIds: null,
  };
  switch (question.kind) {
    case 'number':
      row.numberValue = String(value);
      break;
    case 'date':
      row.dateValue = String(value);
      break;
    case 'yes_no':
      row.boolValue = value === 'yes';
      break;
    case 'single_choice':
      row.optionIds = [String(value)];
      break;
    case 'multiple_choice':
      row.optionIds = (value as string[]).slice();
      break;
    default:
      row.textValue = String(value);
  }
  return row;
}

/** The rows of a set of checked answers, in the questions' order. */
export function answerRows(questions: readonly QuestionDefinition[], answers: Record<string, AnswerValue>): AnswerRow[] {
  return questions.filter((question) => Object.hasOwn(answers, question.id)).map((question) => answerRow(question, answers[question.id]!));
}

/** A stored answer read back as the form and the API give it. */
export function answerValue(
  question: Pick<QuestionDefinition, 'kind'>,
  row: Omit<AnswerRow, 'questionId' | 'questionVersion'>,
): AnswerValue | null {
  switch (question.kind) {
    case 'number':
      return row.numberValue === null ? null : Number(row.numberValue);
    case 'date':
      return row.dateValue;
    case 'yes_no':
      return row.boolValue === null ? null : row.boolValue ? 'yes' : 'no';
    case 'single_choice':
      return row.optionIds?.[0] ?? null;
    case 'multiple_choice':
      return row.optionIds ?? [];
    default:
      return row.textValue;
  }
}
