import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { singleLineText } from '@/lib/validation/text';
import { localizedTextInput } from '@/lib/validation/localized-text-input';
import { timeZoneField } from '@/lib/validation/time-zone';

/** The speaker profile form (react-hook-form) and its server action both parse with this. */
export const speakerProfileSchema = z.object({
  /** Every offered language side by side (lib/validation/localized-text-input.ts); none required. */
  bio: localizedTextInput(2000, { multiline: true, optional: true }),
  affiliation: singleLineText(200).pipe(z.string().min(1, vmsg('required'))),
  jobTitle: singleLineText(160),
  timeZone: timeZoneField,
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
