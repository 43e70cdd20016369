import { z } from 'zod';
import { optionalCount, requiredCount } from '@/lib/admin/field-schemas';
import { localizedTextInput } from '@/lib/validation/localized-text-input';
import { vmsg } from '@/lib/validation/message';
import { ATTENDANCE_MODES } from '../../choices-lists';

const localDateTime = z.union([z.literal(''), z.iso.datetime({ local: true, error: vmsg('date') })]);

/** The category form (react-hook-form) and its server action both parse with this. Times are wall-clock in the event's zone. */
export const categoryInputSchema = z
  .object({
    /** Every offered language side by side (lib/validation/localized-text-input.ts). */
    name: localizedTextInput(120),
    description: localizedTextInput(1000, { multiline: true, optional: true }),
    /** Empty: no limit. */
    capacity: optionalCount(1_000_000),
    visibility: z.enum(['public', 'invitation'], { error: vmsg('choose') }),
    requiresApproval: z.boolean().default(false),
    /** Visa support: approving a registration issues the invitation letter its registrant asked for. */
    visaSupport: z.boolean().default(false),
    opensAt: localDateTime.default(''),
    closesAt: localDateTime.default(''),
    allowedModes: z.array(z.enum(ATTENDANCE_MODES, { error: vmsg('mode') })).min(1, vmsg('allowedModes')),
    /** Venue ids; none: every venue. */
    allowedVenueIds: z
      .array(z.uuid({ error: vmsg('venueNotInEvent') }))
      .max(50, vmsg('tooMany', { max: 50 }))
      .default([]),
    position: requiredCount(10_000),
  })
  .refine((c) => !c.opensAt || !c.closesAt || c.closesAt > c.opensAt, { path: ['closesAt'], message: vmsg('closesBeforeOpens') });

export type CategoryFormValues = z.input<typeof categoryInputSchema>;
export type CategoryInput = z.output<typeof categoryInputSchema>;

/** How many invitation codes to make, how often each may be used, and until when (event zone). */
export const codeBatchInputSchema = z.object({
  count: requiredCount(500).refine((n) => n >= 1, vmsg('codeCount')),
  maxUses: requiredCount(10_000).refine((n) => n >= 1, vmsg('codeUses')),
  expiresAt: z.iso.datetime({ local: true, error: vmsg('date') }),
});
export type CodeBatchFormValues = z.input<typeof codeBatchInputSchema>;
