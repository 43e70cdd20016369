import { z } from 'zod';
import { singleLineText } from '@/lib/validation/text';
import { requiredCount, requiredText } from '@/lib/admin/field-schemas';

/** The room form and its server action both parse with this. */
export const roomInputSchema = z.object({
  nameEn: requiredText(120),
  nameZh: singleLineText(120),
  capacity: requiredCount(100_000),
});

export type RoomFormValues = z.input<typeof roomInputSchema>;
export type RoomInput = z.output<typeof roomInputSchema>;
