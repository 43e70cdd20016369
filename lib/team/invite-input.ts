import { z } from 'zod';
import { TEAM_ROLES } from '@/lib/auth/authorize';
import { emailSchema } from '@/lib/auth/schemas';
import { locales } from '@/lib/i18n/locales';
import { vmsg } from '@/lib/validation/message';

/**
 * The team invite form's input, checked by the form and by the server alike. A venue manager runs
 * one venue, so names it; check-in staff may be limited to one; organisers and viewers see the
 * whole event, so a venue given with those roles is dropped.
 */
export const inviteInputSchema = z
  .object({
    email: emailSchema,
    role: z.enum(TEAM_ROLES, { error: vmsg('inviteRole') }),
    venueId: z.union([z.literal(''), z.uuid({ error: vmsg('venue') })]).nullish(),
    /** The language of the invite mail, and of the account's later mails. */
    locale: z.enum(locales, { error: vmsg('choose') }).default('en'),
  })
  .superRefine((value, ctx) => {
    if (value.role === 'venue_manager' && !value.venueId)
      ctx.addIssue({ code: 'custom', path: ['venueId'], message: vmsg('venueRequiredForRole') });
  })
  .transform((value) => ({
    ...value,
    venueId: value.role === 'venue_manager' || value.role === 'checkin' ? value.venueId || null : null,
  }));

export type InviteFormValues = z.input<typeof inviteInputSchema>;
export type InviteInput = z.output<typeof inviteInputSchema>;
