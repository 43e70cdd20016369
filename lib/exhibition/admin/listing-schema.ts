import { z } from 'zod';
import { COOPERATION_KINDS, IP_STATUSES, LISTING_KINDS, SECTORS } from '@/db/schema/exhibition';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { vmsg } from '@/lib/validation/message';
import { localizedTextInput } from '@/lib/validation/localized-text-input';

/** The listing form and its server action both parse with this. */
export const listingInputSchema = z.object({
  exhibitorId: z.uuid({ error: vmsg('exhibitor') }),
  kind: z.enum(LISTING_KINDS, { error: vmsg('choose') }),
  /** Every offered language side by side (lib/validation/localized-text-input.ts). */
  title: localizedTextInput(200),
  summary: localizedTextInput(2000, { multiline: true, optional: true }),
  sector: z.enum(SECTORS, { error: vmsg('sectors') }),
  trl: z.coerce
    .number({ error: vmsg('trl') })
    .int(vmsg('trl'))
    .min(1, vmsg('trl'))
    .max(9, vmsg('trl')),
  ipStatus: z.enum(IP_STATUSES, { error: vmsg('choose') }),
  cooperation: z
    .array(z.enum(COOPERATION_KINDS, { error: vmsg('cooperation') }), { error: vmsg('cooperation') })
    .min(1, vmsg('cooperation'))
    .max(COOPERATION_KINDS.length, vmsg('cooperation'))
    .transform((list) => [...new Set(list)]),
  /** Countries of interest: none means anywhere. */
  countries: z
    .array(countryCodeSchema, { error: vmsg('country') })
    .max(20, vmsg('tooMany', { max: 20 }))
    .transform((list) => [...new Set(list)]),
});

export type ListingFormValues = z.input<typeof listingInputSchema>;
export type ListingInput = z.output<typeof listingInputSchema>;
