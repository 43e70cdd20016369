import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';
import { emailSchema } from '@/lib/auth/schemas';
import { multiLineText, singleLineText } from '@/lib/validation/text';
import { timeZoneField } from '@/lib/validation/time-zone';

const localDateTime = z.union([z.literal(''), z.iso.datetime({ local: true })]);

/** The event settings form's input, checked by the form and by the server alike. Times are wall-clock in the event's zone. */
export const eventSettingsSchema = z
  .object({
    nameEn: singleLineText(200).min(1),
    nameZh: singleLineText(200).optional(),
    themeEn: singleLineText(300).optional(),
    themeZh: singleLineText(300).optional(),
    descriptionEn: multiLineText(5000).optional(),
    descriptionZh: multiLineText(5000).optional(),
    organiser: singleLineText(300).optional(),
    contactEmail: z.union([z.literal(''), emailSchema]).optional(),
    privacyEn: multiLineText(10_000).optional(),
    privacyZh: multiLineText(10_000).optional(),
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
