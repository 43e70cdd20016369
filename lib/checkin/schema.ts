import { z } from 'zod';
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
