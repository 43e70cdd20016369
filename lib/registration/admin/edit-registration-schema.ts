import { z } from 'zod';
import { emailSchema } from '@/lib/auth/schemas';
import { locales } from '@/lib/i18n/locales';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { vmsg } from '@/lib/validation/message';
import { multiLineText, singleLineText } from '@/lib/validation/text';
import { PARTICIPANT_TYPES } from '../choices-lists';

/**
 * What an organiser changes on a registration's page: the person's details, the category and the
 * answers. Attendance (mode, venue, sessions) keeps its own paths, which hold the seats: the
 * registrant's manage page, the organisers' promote and cancel.
 */
export const organiserEditSchema = z.object({
  name: singleLineText(120).pipe(z.string().min(1, vmsg('required'))),
  email: emailSchema,
  organisation: singleLineText(200).default(''),
  jobTitle: singleLineText(120).default(''),
  country: countryCodeSchema,
  participantType: z.enum(PARTICIPANT_TYPES, { error: vmsg('participantType') }),
  needs: multiLineText(500).default(''),
  locale: z.enum(locales, { error: vmsg('emailLanguage') }),
  /** An attendee category of the event, or empty: none. */
  category: z
    .union([z.literal(''), z.uuid({ error: vmsg('category') })], { error: vmsg('category') })
    .nullish()
    .transform((v) => (v ? v.toLowerCase() : null)),
});
export type OrganiserEditValues = z.input<typeof organiserEditSchema> & { answers?: Record<string, unknown> };
