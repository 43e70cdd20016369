import { z } from 'zod';
import { SECTORS } from '@/db/schema/exhibition';
import { vmsg } from '@/lib/validation/message';
import { singleLineText } from '@/lib/validation/text';

/** The matchmaking opt-in form and its server action both parse with this. */
export const matchmakingProfileSchema = z.object({
  sectors: z
    .array(z.enum(SECTORS, { error: vmsg('sectors') }), { error: vmsg('sectors') })
    .max(SECTORS.length, vmsg('sectors'))
    .transform((list) => [...new Set(list)]),
  interests: singleLineText(300),
});

export type MatchmakingProfileValues = z.input<typeof matchmakingProfileSchema>;
