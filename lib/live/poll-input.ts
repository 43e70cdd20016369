import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { singleLineText } from '@/lib/validation/text';
import { POLL_OPTION_MAX, POLL_OPTIONS_MAX, POLL_QUESTION_MAX } from './limits';

/** The moderator's poll form and the server action parse with this (options: one per line). */
export const pollInputSchema = z.object({
  question: singleLineText(POLL_QUESTION_MAX).pipe(z.string().min(1, vmsg('required'))),
  options: z
    .string({ error: vmsg('text') })
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(singleLineText(POLL_OPTION_MAX))
        .min(2, vmsg('pollOptions'))
        .max(POLL_OPTIONS_MAX, vmsg('tooMany', { max: POLL_OPTIONS_MAX })),
    ),
  multiple: z.boolean().default(false),
});
export type PollInput = z.input<typeof pollInputSchema>;

export type PollOutput = z.output<typeof pollInputSchema>;
