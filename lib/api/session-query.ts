import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';

const token = (message: string) =>
  z
    .string()
    .max(60, message)
    .regex(/^[a-z0-9_-]+$/, message);

/** Query of GET /api/v1/events/{slug}/sessions: strict, so a client learns about a typo (422). */
export const sessionQuerySchema = z
  .object({
    venue: token(vmsg('venue')).optional(),
    segment: token(vmsg('choose')).optional(),
    kind: token(vmsg('choose')).optional(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, vmsg('choose'))
      .optional(),
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, vmsg('date'))
      .optional(),
    q: z
      .string()
      .max(100, vmsg('tooLong', { max: 100 }))
      .optional(),
  })
  .strict();
