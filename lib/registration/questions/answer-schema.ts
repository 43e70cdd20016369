import { z } from 'zod';
import { emailSchema } from '@/lib/auth/schemas';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { vmsg } from '@/lib/validation/message';
import { multiLineText, singleLineText } from '@/lib/validation/text';
import { activeOptions, askedInCategory, type QuestionDefinition, YES_NO } from './definition';

/** An answer once checked: text (also a date, a country, one option id, "yes"/"no"), a number, or option ids. */
export type AnswerValue = string | number | string[];
/** Question id → answer, only for questions answered. */
export type Answers = Record<string, AnswerValue>;

export const ANSWER_LIMITS = { shortText: 200, longText: 2000, phone: 32, number: 1e12, questions: 200 } as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = /^\+?[0-9][0-9 ()./-]{2,30}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && year <= 2200 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The schema of one answer, given it is not empty. */
function valueSchema(question: QuestionDefinition): z.ZodType<AnswerValue> {
  const offered = new Set(activeOptions(question).map((option) => option.id));
  switch (question.kind) {
    case 'short_text':
      return singleLineText(ANSWER_LIMITS.shortText);
    case 'long_text':
      return multiLineText(ANSWER_LIMITS.longText);
    case 'email':
      return emailSchema;
    case 'phone':
      return singleLineText(ANSWER_LIMITS.phone).refine(
        (value) => PHONE.test(value) && value.replace(/\D/g, '').length >= 4,
        vmsg('phone'),
      );
    case 'country':
      return countryCodeSchema;
    case 'date':
      return z
        .string({ error: vmsg('date') })
        .trim()
        .refine(isRealDate, vmsg('date'));
    case 'number':
      return z
        .union(
          [
            z.number(),
            z
              .string()
              .trim()
              .regex(/^-?\d+(\.\d+)?$/, vmsg('number'))
              .transform(Number),
          ],
          { error: vmsg('number') },
        )
        .refine((n) => Number.isFinite(n) && Math.abs(n) <= ANSWER_LIMITS.number, vmsg('number'));
    case 'yes_no':
      return z.union([z.boolean().transform((b) => (b ? 'yes' : 'no')), z.enum(YES_NO)], { error: vmsg('choose') }).pipe(z.enum(YES_NO));
    case 'single_choice':
      return z.string({ error: vmsg('choose') }).refine((id) => offered.has(id), vmsg('choose'));
    case 'multiple_choice':
      return z
        .array(z.string({ error: vmsg('choose') }), { error: vmsg('choose') })
        .max(offered.size, vmsg('choose'))
        .refine((ids) => new Set(ids).size === ids.length && ids.every((id) => offered.has(id)), vmsg('choose'));
  }
}

/** Nothing given: what an untouched field, a cleared one or an unticked group (false) sends; false answers a yes/no. */
export function isEmptyAnswer(value: unknown, kind?: QuestionDefinition['kind']): boolean {
  return (
    value === undefined ||
    value === null ||
    (value === false && kind !== 'yes_no') ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * The schema of the answers to an event's questions, built from their stored definitions: the same
 * schema runs in the form (react-hook-form) and on the server. Issues carry the question's id as their
 * path, so the form shows each beside its question and the server names it `answers.<id>`.
 *
 * A question is asked when it is not retired, is for the registrant's category (or everyone), and,
 * when it is conditional, its condition question is asked and answered with one of the values that
 * show it. Answering a question that is not asked is refused, never silently dropped; leaving one
 * empty is not.
 */
export function answersSchema(questions: readonly QuestionDefinition[], context: { categoryId?: string | null } = {}) {
  const known = new Map(questions.map((question) => [question.id, question]));
  const asked = questions.filter((question) => !question.retiredAt && askedInCategory(question, context.categoryId));
  // Questions a condition points at go first, so that their checked answer decides the others'.
  const ordered = [...asked.filter((q) => q.conditionQuestionId === null), ...asked.filter((q) => q.conditionQuestionId !== null)];
  const schemas = new Map(ordered.map((question) => [question.id, valueSchema(question)]));

  return z.unknown().transform((raw, ctx): Answers => {
    const given = raw === undefined || raw === null ? {} : raw;
    if (!isPlainObject(given) || Object.keys(given).length > ANSWER_LIMITS.questions) {
      ctx.addIssue({ code: 'custom', message: vmsg('answers'), input: raw });
      return {};
    }
    const answers: Answers = {};
    const shown = new Set<string>();
    for (const question of ordered) {
      const value = Object.hasOwn(given, question.id) ? given[question.id] : undefined;
      const condition = question.conditionQuestionId;
      const applies =
        condition === null ||
        (shown.has(condition) && typeof answers[condition] === 'string' && (question.conditionValues ?? []).includes(answers[condition]));
      if (!applies) {
        if (!isEmptyAnswer(value, question.kind))
          ctx.addIssue({ code: 'custom', message: vmsg('notAsked'), path: [question.id], input: value });
        continue;
      }
      shown.add(question.id);
      if (isEmptyAnswer(value, question.kind)) {
        if (question.required) ctx.addIssue({ code: 'custom', message: vmsg('required'), path: [question.id], input: value });
        continue;
      }
      const parsed = schemas.get(question.id)!.safeParse(value);
      if (parsed.success) answers[question.id] = parsed.data;
      else ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? vmsg('invalid'), path: [question.id], input: value });
    }
    for (const [id, value] of Object.entries(given)) {
      if (schemas.has(id) || isEmptyAnswer(value)) continue;
      // Retired, for another category, or no question of this event at all: the same answer for each,
      // named by the id when it is one (anything else a client sends is not echoed back as a field).
      ctx.addIssue({ code: 'custom', message: vmsg('notAsked'), path: [known.has(id) || UUID.test(id) ? id : 'unknown'], input: value });
    }
    return answers;
  });
}

/** The registration form's values with their answers: `{ answers: { <question id>: value } }`. */
export function answersFieldSchema(questions: readonly QuestionDefinition[], context: { categoryId?: string | null } = {}) {
  return z.object({ answers: answersSchema(questions, context) });
}
