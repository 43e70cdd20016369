import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { emailSchema } from '@/lib/auth/schemas';
import { singleLineText } from '@/lib/validation/text';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { speakerProfileSchema } from '@/lib/speakers/profile-schema';
import { requiredText, slugField } from '@/lib/admin/field-schemas';

// The speaker edits bio, affiliation, job title and time zone of the same row in their portal; the
// organiser's form takes those rules from the portal's schema so that whatever one saves, the other
// can open and save again unchanged.
const portal = speakerProfileSchema.shape;

/** The organiser's speaker form and its server action both parse with this. */
export const speakerInputSchema = z.object({
  slug: slugField,
  name: requiredText(120),
  honorific: singleLineText(40),
  email: z
    .string({ error: vmsg('text') })
    .trim()
    .transform((value) => value || null)
    .pipe(emailSchema.nullable()),
  jobTitle: portal.jobTitle,
  affiliation: portal.affiliation,
  /** Chinese pages show these, or only the name when they are empty (never the English ones). */
  honorificZh: singleLineText(40).default(''),
  jobTitleZh: singleLineText(200).default(''),
  affiliationZh: singleLineText(200).default(''),
  country: countryCodeSchema,
  /** Empty until the organiser or the speaker picks one; the portal then uses the browser's zone. */
  timeZone: z
    .string({ error: vmsg('timeZone') })
    .trim()
    .transform((value) => value || null)
    .pipe(portal.timeZone.nullable()),
  bio: portal.bio,
});

export type SpeakerFormValues = z.input<typeof speakerInputSchema>;
export type SpeakerInput = z.output<typeof speakerInputSchema>;
