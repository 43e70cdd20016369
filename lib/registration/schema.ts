import { z } from 'zod';
import { locales } from '@/lib/i18n/locales';
import { vmsg } from '@/lib/validation/message';
import { emailSchema } from '@/lib/auth/schemas';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { multiLineText, singleLineText } from '@/lib/validation/text';

import { attendanceFields, requireVenueInPerson } from './attendance-fields';
import { ATTENDANCE_MODES, PARTICIPANT_TYPES } from './choices-lists';
import { categoryFields } from './categories/category-fields';

export { ATTENDANCE_MODES, PARTICIPANT_TYPES };

/** The registration form and POST /api/v1/events/{slug}/registrations both parse with this. */
export const registrationInputSchema = z
  .object({
    name: singleLineText(120).pipe(z.string().min(1, vmsg('required'))),
    email: emailSchema,
    organisation: singleLineText(200).default(''),
    jobTitle: singleLineText(120).default(''),
    country: countryCodeSchema,
    participantType: z.enum(PARTICIPANT_TYPES, { error: vmsg('participantType') }),
    ...attendanceFields,
    needs: multiLineText(500).default(''),
    locale: z.enum(locales, { error: vmsg('emailLanguage') }).default('en'),
    consent: z.literal(true, { error: vmsg('consent') }),
    ...categoryFields,
  })
  .superRefine(requireVenueInPerson);

export type RegistrationInput = z.output<typeof registrationInputSchema>;
export type RegistrationFormValues = z.input<typeof registrationInputSchema>;
