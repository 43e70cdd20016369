import { z } from 'zod';
import { QUESTION_KINDS } from '@/db/schema/question-kinds';
import { vmsg } from '@/lib/validation/message';
import { localizedTextInput } from '@/lib/validation/localized-text-input';

const optionId = z
  .string()
  .max(64)
  .regex(/^[A-Za-z0-9_-]*$/, vmsg('invalid'));

/** One option as the question form sends it: a new one has no id yet; an existing one can be retired. */
export const optionInputSchema = z.object({
  id: optionId.default(''),
  /** Every offered language side by side (lib/validation/localized-text-input.ts). */
  label: localizedTextInput(200),
  retired: z.boolean().default(false),
});

/** The question form and its server action both parse with this. */
export const questionInputSchema = z.object({
  kind: z.enum(QUESTION_KINDS, { error: vmsg('choose') }),
  required: z.boolean().default(false),
  label: localizedTextInput(300),
  help: localizedTextInput(500, { optional: true }),
  options: z
    .array(optionInputSchema)
    .max(50, vmsg('tooMany', { max: 50 }))
    .default([]),
  conditionQuestionId: z
    .union([z.uuid(), z.literal(''), z.null()])
    .default(null)
    .transform((id) => id || null),
  // A group of checkboxes gives an array, a lone one its value or false.
  conditionValues: z.preprocess(
    (value) => (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []),
    z.array(z.string().max(64)).max(50),
  ),
  /** Empty: every category. */
  categoryIds: z.array(z.uuid()).max(100).default([]),
});

export type QuestionFormValues = z.input<typeof questionInputSchema>;
export type QuestionInput = z.output<typeof questionInputSchema>;
