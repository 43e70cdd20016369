import { z } from 'zod';
import { boundedText } from '@/lib/registration/schema';
import { requiredCount, requiredText } from './field-schemas';

/** The room form and its server action both parse with this. */
export const roomInputSchema = z.object({
  nameEn: requiredText(120),
  nameZh: boundedText(120),
  capacity: requiredCount(100_000),
});

export type RoomFormValues = z.input<typeof roomInputSchema>;
export type RoomInput = z.output<typeof roomInputSchema>;
