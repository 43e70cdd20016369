import { z } from 'zod';
import { SECTORS } from '@/db/schema/exhibition';
import { emailSchema } from '@/lib/auth/schemas';
import { slugField } from '@/lib/admin/field-schemas';
import { localizedTextInput } from '@/lib/validation/localized-text-input';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { vmsg } from '@/lib/validation/message';
import { singleLineText } from '@/lib/validation/text';

/** An https address, or nothing. */
const websiteField = singleLineText(300).refine((v) => v === '' || /^https:\/\/[^\s]+$/.test(v), vmsg('https'));

/**
 * The profile an exhibitor's own staff edit on the exhibitor portal: everything but its public
 * address and its booth, which organisers assign.
 */
export const exhibitorProfileSchema = z.object({
  /** Every offered language side by side (lib/validation/localized-text-input.ts). */
  name: localizedTextInput(200),
  description: localizedTextInput(3000, { multiline: true, optional: true }),
  country: countryCodeSchema,
  sectors: z
    .array(z.enum(SECTORS, { error: vmsg('sectors') }), { error: vmsg('sectors') })
    .min(1, vmsg('sectors'))
    .max(SECTORS.length, vmsg('sectors'))
    .transform((list) => [...new Set(list)]),
  website: websiteField,
  contactName: singleLineText(120),
  contactEmail: z
    .string({ error: vmsg('text') })
    .trim()
    .transform((value) => value || '')
    .pipe(z.union([z.literal(''), emailSchema])),
  contactPhone: singleLineText(40),
});

export type ExhibitorProfileValues = z.input<typeof exhibitorProfileSchema>;
export type ExhibitorProfile = z.output<typeof exhibitorProfileSchema>;

/** The organiser's exhibitor form and its server action both parse with this. */
export const exhibitorInputSchema = exhibitorProfileSchema
  .extend({
    slug: slugField,
    /** '' for an exhibitor online only; otherwise the venue of its booth. */
    venueId: z.union([z.literal(''), z.uuid({ error: vmsg('venueNotInEvent') })], { error: vmsg('venueNotInEvent') }),
    hall: singleLineText(40),
    booth: singleLineText(20),
  })
  .superRefine((input, ctx) => {
    // A booth is a venue, a hall and a number together; an online-only exhibitor has none of them.
    if (input.venueId === '') {
      if (input.hall) ctx.addIssue({ code: 'custom', path: ['hall'], message: vmsg('boothOnline') });
      if (input.booth) ctx.addIssue({ code: 'custom', path: ['booth'], message: vmsg('boothOnline') });
      return;
    }
    if (!input.hall) ctx.addIssue({ code: 'custom', path: ['hall'], message: vmsg('boothRequired') });
    if (!input.booth) ctx.addIssue({ code: 'custom', path: ['booth'], message: vmsg('boothRequired') });
  });

export type ExhibitorFormValues = z.input<typeof exhibitorInputSchema>;
export type ExhibitorInput = z.output<typeof exhibitorInputSchema>;
