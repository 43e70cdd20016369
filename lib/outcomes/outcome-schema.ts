import { z } from 'zod';
import { MAX_OUTCOME_PARTIES, OUTCOME_KINDS } from '@/db/schema/outcomes';
import { SECTORS } from '@/db/schema/exhibition';
import { requiredText } from '@/lib/admin/field-schemas';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { localizedTextInput } from '@/lib/validation/localized-text-input';
import { vmsg } from '@/lib/validation/message';

/** '' or an id: the optional choices of the form (no session, no listing). */
const optionalId = z.union([z.literal(''), z.uuid({ error: vmsg('choose') })], { error: vmsg('choose') });

/** One signing organisation: its name as it signs, and its country. */
export const outcomePartySchema = z.object({ name: requiredText(200), country: countryCodeSchema });

/** The organiser's outcome form and its server action both parse with this. */
export const outcomeInputSchema = z.object({
  kind: z.enum(OUTCOME_KINDS, { error: vmsg('choose') }),
  /** Every offered language side by side (lib/validation/localized-text-input.ts). */
  title: localizedTextInput(200),
  parties: z
    .array(outcomePartySchema, { error: vmsg('required') })
    .min(1, vmsg('required'))
    .max(MAX_OUTCOME_PARTIES, vmsg('tooMany', { max: MAX_OUTCOME_PARTIES })),
  sector: z.enum(SECTORS, { error: vmsg('choose') }),
  /** The calendar date it was signed, as the signatories dated it (YYYY-MM-DD). */
  signedOn: z.iso.date({ error: vmsg('date') }).refine((d) => d >= '2000-01-01' && d <= '2100-12-31', vmsg('date')),
  sessionId: optionalId,
  listingId: optionalId,
  public: z.boolean({ error: vmsg('choose') }),
});

export type OutcomeFormValues = z.input<typeof outcomeInputSchema>;
export type OutcomeInput = z.output<typeof outcomeInputSchema>;
