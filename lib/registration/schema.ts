import { z } from 'zod';
import { emailSchema } from '@/lib/auth/schemas';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { multiLineText, singleLineText } from '@/lib/validation/text';

import { ATTENDANCE_MODES, PARTICIPANT_TYPES } from './choices-lists';

export { ATTENDANCE_MODES, PARTICIPANT_TYPES };

/** The registration form and POST /api/v1/events/{slug}/registrations both parse with this. */
export const registrationInputSchema = z
  .object({
    name: singleLineText(120).pipe(z.string().min(1, 'is required')),
    email: emailSchema,
    organisation: singleLineText(200).default(''),
    jobTitle: singleLineText(120).default(''),
    country: countryCodeSchema,
    participantType: z.enum(PARTICIPANT_TYPES, { error: `must be one of: ${PARTICIPANT_TYPES.join(', ')}` }),
    mode: z.enum(ATTENDANCE_MODES, { error: 'must be in_person or online' }),
    venue: z
      .string({ error: 'must be a venue slug' })
      .trim()
      .max(80, 'must be at most 80 characters')
      .regex(/^[a-z0-9-]*$/, 'must be a venue slug')
      .nullish()
      .transform((v) => v || null),
    sessions: z
      .array(z.uuid({ error: 'must be session ids' }), { error: 'must be a list of session ids' })
      .max(40, 'must list at most 40 sessions')
      .default([])
      .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
    needs: multiLineText(500).default(''),
    locale: z.enum(['en', 'zh'], { error: 'must be en or zh' }).default('en'),
    consent: z.literal(true, { error: 'must be given to register' }),
  })
  .superRefine((value, ctx) => {
    if (value.mode === 'in_person' && !value.venue) {
      ctx.addIssue({ code: 'custom', path: ['venue'], message: 'is required when attending in person' });
    }
  });

export type RegistrationInput = z.output<typeof registrationInputSchema>;
export type RegistrationFormValues = z.input<typeof registrationInputSchema>;
