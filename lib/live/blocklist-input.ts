import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { singleLineText } from '@/lib/validation/text';
import { BLOCKLIST_TERM_MAX, BLOCKLIST_TERMS_MAX } from './limits';

/** The moderator's blocklist form and the server action parse with this (one word or phrase per line). */
export const blocklistInputSchema = z.object({
  terms: z
    .string({ error: vmsg('text') })
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(z.array(singleLineText(BLOCKLIST_TERM_MAX)).max(BLOCKLIST_TERMS_MAX, vmsg('tooMany', { max: BLOCKLIST_TERMS_MAX }))),
});
export type BlocklistInput = z.input<typeof blocklistInputSchema>;
export type BlocklistOutput = z.output<typeof blocklistInputSchema>;
