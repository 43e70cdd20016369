import { z } from 'zod';
import { COOPERATION_KINDS, IP_STATUSES, LISTING_KINDS, SECTORS } from '@/db/schema/exhibition';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { vmsg } from '@/lib/validation/message';
import { multiLineText, singleLineText } from '@/lib/validation/text';

/** Several values of one form field: the form sends each ticked box under the same name. */
const many = (value: unknown) => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]);

/**
 * An attendee's offer or need, as their manage-link form sends it and the server parses it: the
 * title and summary in the author's own language, an English title optional (the directory falls
 * back to it for readers of other languages).
 */
export const attendeeListingSchema = z.object({
  kind: z.enum(LISTING_KINDS, { error: vmsg('choose') }),
  title: singleLineText(200).pipe(z.string().min(1, vmsg('required'))),
  titleEn: singleLineText(200).optional().default(''),
  summary: multiLineText(2000).optional().default(''),
  sector: z.enum(SECTORS, { error: vmsg('sectors') }),
  trl: z.coerce
    .number({ error: vmsg('trl') })
    .int(vmsg('trl'))
    .min(1, vmsg('trl'))
    .max(9, vmsg('trl')),
  ipStatus: z.enum(IP_STATUSES, { error: vmsg('choose') }),
  cooperation: z.preprocess(
    many,
    z
      .array(z.enum(COOPERATION_KINDS, { error: vmsg('cooperation') }), { error: vmsg('cooperation') })
      .min(1, vmsg('cooperation'))
      .max(COOPERATION_KINDS.length, vmsg('cooperation'))
      .transform((list) => [...new Set(list)]),
  ),
  /** Countries of interest: none means anywhere. */
  countries: z.preprocess(
    many,
    z
      .array(countryCodeSchema, { error: vmsg('country') })
      .max(20, vmsg('tooMany', { max: 20 }))
      .transform((list) => [...new Set(list)]),
  ),
});

export type AttendeeListingValues = z.input<typeof attendeeListingSchema>;
export type AttendeeListingInput = z.output<typeof attendeeListingSchema>;
