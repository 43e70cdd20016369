import { z } from 'zod';
import { slugSchema } from '@/lib/validation/common';
import { singleLineText } from '@/lib/validation/text';

/** The clone form's input, checked by the form and by the server alike. */
export const cloneEventSchema = z.object({
  slug: slugSchema.min(2),
  /** The new edition's first day, in the event's own zone. */
  firstDay: z.iso.date(),
  nameEn: singleLineText(200).min(1),
  nameZh: singleLineText(200).optional(),
});
export type CloneEventInput = z.infer<typeof cloneEventSchema>;
