import { z } from 'zod';
import { emailSchema } from '@/lib/auth/schemas';
import { locales } from '@/lib/i18n/locales';
import { vmsg } from '@/lib/validation/message';

/** The organiser's "invite staff" form on an exhibitor's page, checked by the form and the server alike. */
export const staffInviteInputSchema = z.object({
  email: emailSchema,
  /** The language of the invite mail, and of a new account's later mails. */
  locale: z.enum(locales, { error: vmsg('choose') }).default('en'),
});

export type StaffInviteFormValues = z.input<typeof staffInviteInputSchema>;
