import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { singleLineText } from '@/lib/validation/text';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { optionalCount, requiredCount, slugField } from '@/lib/admin/field-schemas';
import { localizedTextInput } from '@/lib/validation/localized-text-input';
import { timeZoneField } from '@/lib/validation/time-zone';

export const VENUE_KINDS = ['main', 'branch', 'online'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

/** The venue form (react-hook-form) and its server action both parse with this. */
export const venueInputSchema = z
  .object({
    slug: slugField,
    name: localizedTextInput(200),
    city: localizedTextInput(100),
    country: countryCodeSchema,
    timeZone: timeZoneField,
    kind: z.enum(VENUE_KINDS, { error: vmsg('choose') }),
    /** On-site seats; empty means no limit. */
    capacity: optionalCount(1_000_000),
    address: singleLineText(300),
    /** Order in lists and on the agenda, smallest first. */
    position: requiredCount(10_000),
  })
  .superRefine((venue, ctx) => {
    // An online venue has no seats to count; a number there would suggest a limit nobody enforces.
    if (venue.kind === 'online' && venue.capacity !== null) {
      ctx.addIssue({ code: 'custom', path: ['capacity'], message: vmsg('onlineCapacity') });
    }
  });

export type VenueFormValues = z.input<typeof venueInputSchema>;
export type VenueInput = z.output<typeof venueInputSchema>;
