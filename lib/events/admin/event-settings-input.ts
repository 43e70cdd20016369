import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { emailSchema } from '@/lib/auth/schemas';
import { localizedTextInput } from '@/lib/validation/localized-text-input';
import { singleLineText } from '@/lib/validation/text';
import { timeZoneField } from '@/lib/validation/time-zone';

const localDateTime = z.union([z.literal(''), z.iso.datetime({ local: true })]);

/** The event settings form's input, checked by the form and by the server alike. Times are wall-clock in the event's zone. */
export const eventSettingsSchema = z
  .object({
    /** Every offered language side by side (lib/validation/localized-text-input.ts). */
    name: localizedTextInput(200),
    theme: localizedTextInput(300, { optional: true }),
    description: localizedTextInput(5000, { multiline: true, optional: true }),
    organiser: singleLineText(300).optional(),
    contactEmail: z.union([z.literal(''), emailSchema]).optional(),
    privacy: localizedTextInput(10_000, { multiline: true, optional: true }),
    timeZone: timeZoneField,
    firstDay: z.iso.date(),
    lastDay: z.iso.date(),
    /** When the first day moves: whether the sessions move with it (same wall-clock time in each venue). */
    shiftSessions: z.boolean().default(true),
    registrationOpensAt: localDateTime.default(''),
    registrationClosesAt: localDateTime.default(''),
    /** Days after the event when attendees' personal data is erased; empty keeps it. */
    retentionDays: z
      .string()
      .trim()
      .regex(/^([1-9]\d{0,3})?$/, vmsg('retentionDays'))
      .default(''),
  })
  .refine((s) => s.lastDay >= s.firstDay, { path: ['lastDay'], message: vmsg('lastDayBeforeFirst') })
  .refine((s) => !s.registrationOpensAt || !s.registrationClosesAt || s.registrationClosesAt > s.registrationOpensAt, {
    path: ['registrationClosesAt'],
    message: vmsg('closesBeforeOpens'),
  });
export type EventSettingsInput = z.input<typeof eventSettingsSchema>;
export type EventSettingsValues = z.infer<typeof eventSettingsSchema>;
export type EventSettingsField = keyof EventSettingsValues;
