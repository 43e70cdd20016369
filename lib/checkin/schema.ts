import { z } from 'zod';
import { registrationInputSchema } from '@/lib/registration/schema';
import { vmsg } from '@/lib/validation/message';

/** A scanned or typed ticket code; the form and the server action both parse with this. */
export const checkInInputSchema = z.object({
  code: z
    .string({ error: vmsg('ticketCode') })
    .trim()
    .min(1, vmsg('ticketCode'))
    .max(300, vmsg('notTicketCode')),
});

export type CheckInInput = z.infer<typeof checkInInputSchema>;

/** What staff type to find someone: part of a name, an email or an organisation. */
export const deskSearchSchema = z.object({
  query: z
    .string({ error: vmsg('tooShort', { min: 2 }) })
    .trim()
    .min(2, vmsg('tooShort', { min: 2 }))
    .max(100, vmsg('tooLong', { max: 100 })),
});
export type DeskSearchInput = z.infer<typeof deskSearchSchema>;

/** A scan as the desk's queue sends it: the code, and the key that makes sending it twice harmless. */
export const queuedScanSchema = checkInInputSchema.extend({
  scanKey: z
    .string()
    .regex(/^[A-Za-z0-9-]{8,64}$/)
    .optional(),
});
export type QueuedScan = z.infer<typeof queuedScanSchema>;

const form = registrationInputSchema.shape;

/**
 * What the desk asks a walk-in: the registration form's own fields (one schema, the form's), the
 * venue being the desk's, and the attendee's consent confirmed by the staff member who asked them.
 */
export const walkInSchema = z.object({
  name: form.name,
  email: form.email,
  organisation: form.organisation,
  country: form.country,
  participantType: form.participantType,
  locale: form.locale,
  consent: form.consent,
  venueId: z.uuid({ error: vmsg('venue') }),
});
export type WalkInValues = z.input<typeof walkInSchema>;

/** A scan at a session's door: the session chosen on the door page and the code; form and action share it. */
export const doorScanSchema = checkInInputSchema.extend({
  sessionId: z.uuid({ error: vmsg('invalid') }),
});
export type DoorScanInput = z.infer<typeof doorScanSchema>;
