import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';

/** The registration form's category and invitation code (empty: none). */
export const categoryFields = {
  category: z
    .union([z.literal(''), z.uuid({ error: vmsg('category') })], { error: vmsg('category') })
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null)),
  code: z
    .string({ error: vmsg('invitationCode') })
    .max(64, vmsg('invitationCode'))
    .regex(/^[A-Za-z0-9 -]*$/, vmsg('invitationCode'))
    .nullish()
    .transform((v) => v?.trim() || null),
};
