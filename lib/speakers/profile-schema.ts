import { z } from 'zod';
import { isValidTimeZone } from '@/lib/time/zones';

const oneLine = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value), 'must not contain control characters or line breaks');

const bio = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .refine((value) => !/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(value), 'must not contain control characters');

/** The speaker profile form (react-hook-form) and its server action both parse with this. */
export const speakerProfileSchema = z.object({
  bioEn: bio(2000),
  bioZh: bio(2000),
  affiliation: oneLine(200).pipe(z.string().min(1, 'is required')),
  jobTitle: oneLine(160),
  timeZone: z
    .string({ error: 'must be a time zone' })
    .trim()
    .max(64, 'must be an IANA time zone such as Asia/Bangkok')
    .refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Bangkok')
    // "asia/bangkok" works in Intl but is stored in its canonical spelling.
    .transform((zone) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone),
});

export type SpeakerProfileFormValues = z.input<typeof speakerProfileSchema>;
export type SpeakerProfileInput = z.output<typeof speakerProfileSchema>;

/** Field → message, naming the field, for the form and for tests. */
export function profileFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'profile');
    fields[key] ??= issue.message;
  }
  return fields;
}
