import { z } from 'zod';
import { requiredCount, requiredText } from '@/lib/admin/field-schemas';
import { vmsg } from '@/lib/validation/message';

const time = z.string({ error: vmsg('time') }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, vmsg('time'));

/** The slot form and its server action both parse with this: a date and times on the venue's clock. */
export const meetingSlotInputSchema = z
  .object({
    venueId: z.uuid({ error: vmsg('venue') }),
    label: requiredText(80),
    date: z.string({ error: vmsg('date') }).regex(/^\d{4}-\d{2}-\d{2}$/, vmsg('date')),
    start: time,
    end: time,
    tables: requiredCount(500).pipe(z.number().min(1, vmsg('tooSmall', { min: 1 }))),
  })
  .refine((v) => v.end > v.start, { path: ['end'], message: vmsg('endAfterStart') });

export type MeetingSlotFormValues = z.input<typeof meetingSlotInputSchema>;
