import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { multiLineText } from '@/lib/validation/text';
import { QUESTION_MAX } from './limits';

/** The ask form and the server action parse with this. */
export const askInputSchema = z.object({
  body: multiLineText(QUESTION_MAX).pipe(z.string().min(1, vmsg('required'))),
  anonymous: z.boolean().default(false),
});
export type AskInput = z.input<typeof askInputSchema>;
