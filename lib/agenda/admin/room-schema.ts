import { z } from 'zod';
import { requiredCount } from '@/lib/admin/field-schemas';
import { localizedTextInput } from '@/lib/validation/localized-text-input';

/** The room form and its server action both parse with this. */
export const roomInputSchema = z.object({
  name: localizedTextInput(120),
  capacity: requiredCount(100_000),
});

export type RoomFormValues = z.input<typeof roomInputSchema>;
export type RoomInput = z.output<typeof roomInputSchema>;
