import { z } from 'zod';
import { registrationInputSchema } from '@/lib/registration/schema';
import { vmsg } from '@/lib/validation/message';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (value: string) => ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/**
 * What a visa invitation letter needs from the passport, each field with its own format and its
 * own words when wrong; the manage page's form and the server parse with this one schema.
 */
export const passportSchema = z.object({
  /** As printed in the passport: letters (any script), spaces, hyphens, apostrophes and dots. */
  passportName: z
    .string({ error: vmsg('passportName') })
    .trim()
    .regex(/^\p{L}[\p{L}\p{M} '.-]{0,99}$/u, vmsg('passportName')),
  nationality: registrationInputSchema.shape.country,
  /** 5 to 12 letters and digits; spaces typed from the page are dropped, letters read as capitals. */
  passportNumber: z
    .string({ error: vmsg('passportNumber') })
    .transform((v) => v.replace(/\s/g, '').toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{5,12}$/, vmsg('passportNumber'))),
  dateOfBirth: z
    .string({ error: vmsg('dateOfBirth') })
    .trim()
    .refine((v) => realDate(v) && v >= '1900-01-01' && v <= new Date().toISOString().slice(0, 10), vmsg('dateOfBirth')),
  /** Checked against the forum's last day in lib (the passport must still be valid then). */
  passportExpiry: z
    .string({ error: vmsg('passportExpiry') })
    .trim()
    .refine(realDate, vmsg('passportExpiry')),
});
export type PassportInput = z.input<typeof passportSchema>;
export type Passport = z.output<typeof passportSchema>;
