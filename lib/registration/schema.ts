import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { emailSchema } from '@/lib/auth/schemas';
import { multiLineText, singleLineText } from '@/lib/validation/text';

import { ATTENDANCE_MODES, PARTICIPANT_TYPES } from './choices-lists';

export { ATTENDANCE_MODES, PARTICIPANT_TYPES };

/** One line of text; names and the like end up in mail headers, CSV cells and calendar files. */
export const boundedText = singleLineText;

export const countryCodeSchema = z
  .string({ error: 'must be a country code' })
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{2}$/.test(code) && countries.isValid(code), 'must be a country code like CN or TH');

/** The registration form and POST /api/v1/events/{slug}/registrations both parse with this. */
export const registrationInputSchema = z
  .object({
    name: boundedText(120).pipe(z.string().min(1, 'is required')),
    email: emailSchema,
    organisation: boundedText(200).default(''),
    jobTitle: boundedText(120).default(''),
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

/** Field → message, for JSON 422 answers and for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}
