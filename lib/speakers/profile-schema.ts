import { z } from 'zod';
import { isValidTimeZone } from '@/lib/time/zones';
import { multiLineText, singleLineText } from '@/lib/validation/text';

/** The speaker profile form (react-hook-form) and its server action both parse with this. */
export const speakerProfileSchema = z.object({
  bioEn: multiLineText(2000),
  bioZh: multiLineText(2000),
  affiliation: singleLineText(200).pipe(z.string().min(1, 'is required')),
  jobTitle: singleLineText(160),
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
