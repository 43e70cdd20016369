import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { emailSchema } from '@/lib/auth/schemas';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { multiLineText, singleLineText } from '@/lib/validation/text';

import { ATTENDANCE_MODES, PARTICIPANT_TYPES } from './choices-lists';

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
    mode: z.enum(ATTENDANCE_MODES, { error: vmsg('mode') }),
    venue: z
      .string({ error: vmsg('venue') })
      .trim()
      .max(80, vmsg('venue'))
      .regex(/^[a-z0-9-]*$/, vmsg('venue'))
      .nullish()
      .transform((v) => v || null),
    sessions: z
      .array(z.uuid({ error: vmsg('sessions') }), { error: vmsg('sessions') })
      .max(40, vmsg('tooMany', { max: 40 }))
      .default([])
      .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
    needs: multiLineText(500).default(''),
    locale: z.enum(['en', 'zh'], { error: vmsg('emailLanguage') }).default('en'),
    consent: z.literal(true, { error: vmsg('consent') }),
  })
  .superRefine((value, ctx) => {
    if (value.mode === 'in_person' && !value.venue) {
      ctx.addIssue({ code: 'custom', path: ['venue'], message: vmsg('venueRequired') });
    }
  });

export type RegistrationInput = z.output<typeof registrationInputSchema>;
export type RegistrationFormValues = z.input<typeof registrationInputSchema>;
