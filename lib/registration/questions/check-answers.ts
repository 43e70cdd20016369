import type { FieldErrors } from '@/lib/errors/result';
import { type Answers, answersSchema } from './answer-schema';
import type { QuestionDefinition } from './definition';

/** The prefix of an answer's field in a 422 and in the form: `answers.<question id>`. */
export const ANSWER_FIELD = 'answers';

/**
 * The answers checked against the questions' stored definitions, or each refused one named as
 * `answers.<question id>` with its message key (worded in the reader's language where it is shown).
 */
export function checkAnswers(
  questions: readonly QuestionDefinition[],
  raw: unknown,
  context: { categoryId?: string | null } = {},
): { ok: true; answers: Answers } | { ok: false; fields: FieldErrors } {
  const parsed = answersSchema(questions, context).safeParse(raw);
  if (parsed.success) return { ok: true, answers: parsed.data };
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length ? `${ANSWER_FIELD}.${String(issue.path[0])}` : ANSWER_FIELD;
    fields[key] ??= issue.message;
  }
  return { ok: false, fields };
}

/** The answers a registration submission carries (`answers`), whatever else it holds. */
export function submittedAnswers(rawInput: unknown): unknown {
  return typeof rawInput === 'object' && rawInput !== null && !Array.isArray(rawInput)
    ? (rawInput as { answers?: unknown }).answers
    : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The attendee category a submission names (`category`), to choose which questions it answers.
 * Whether the category exists and may be chosen is checked with the category itself; a value that is
 * not an id names none.
 */
export function claimedCategoryId(rawInput: unknown): string | null {
  // The category field of the form (categories/category-fields.ts), validated on its own by the input schema.
  const value = typeof rawInput === 'object' && rawInput !== null ? (rawInput as { category?: unknown }).category : undefined;
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}
