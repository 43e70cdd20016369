import { z } from 'zod';

/** A scanned or typed ticket code; the form and the server action both parse with this. */
export const checkInInputSchema = z.object({
  code: z.string().trim().min(1, 'Enter a ticket code').max(300, 'This is not a ticket code'),
});

export type CheckInInput = z.infer<typeof checkInInputSchema>;
