import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { slugSchema } from '@/lib/validation/common';
import { countryCodeSchema } from '@/lib/validation/country-code';
import { localizedTextInput } from '@/lib/validation/localized-text-input';
import { singleLineText } from '@/lib/validation/text';
import { timeZoneField } from '@/lib/validation/time-zone';

/** The new-event form's input, checked by the form and by the server alike. */
export const createEventSchema = z
  .object({
    /** Every offered language side by side (lib/validation/localized-text-input.ts). */
    name: localizedTextInput(200),
    theme: localizedTextInput(300, { optional: true }),
    slug: slugSchema.min(2),
    firstDay: z.iso.date(),
    lastDay: z.iso.date(),
    // The main venue: its zone is the event's default zone.
    venueNameEn: singleLineText(200).min(1),
    venueCityEn: singleLineText(120).min(1),
    venueCountry: countryCodeSchema,
    venueAddress: singleLineText(300).optional(),
    venueTimeZone: timeZoneField,
    venueCapacity: z.coerce.number().int().min(1).max(100_000),
    withOnline: z.boolean().default(true),
  })
  .refine((input) => input.lastDay >= input.firstDay, { path: ['lastDay'], message: vmsg('lastDayBeforeFirst') });
export type CreateEventInput = z.input<typeof createEventSchema>;
export type CreateEventValues = z.infer<typeof createEventSchema>;
export type CreateEventField = keyof CreateEventValues;
