import { z } from 'zod';
import { slugSchema } from '@/lib/validation/common';
import { localizedTextInput } from '@/lib/validation/localized-text-input';

/** The clone form's input, checked by the form and by the server alike. */
export const cloneEventSchema = z.object({
  slug: slugSchema.min(2),
  /** The new edition's first day, in the event's own zone. */
  firstDay: z.iso.date(),
  /** Every offered language side by side (lib/validation/localized-text-input.ts). */
  name: localizedTextInput(200),
});
export type CloneEventFormValues = z.input<typeof cloneEventSchema>;
export type CloneEventInput = z.infer<typeof cloneEventSchema>;
