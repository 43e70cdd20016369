import { z } from 'zod';

const token = z
  .string()
  .max(60)
  .regex(/^[a-z0-9_-]+$/, 'must be lower-case letters, digits, - or _');

/** Query of GET /api/v1/events/{slug}/sessions: strict, so a client learns about a typo (422). */
export const sessionQuerySchema = z
  .object({
    venue: token.optional(),
    segment: token.optional(),
    kind: token.optional(),
    language: z
      .string()
      .regex(/^[a-z]{2}$/, 'must be a two-letter language code')
      .optional(),
    day: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-12-24')
      .optional(),
    q: z.string().max(100, 'must be at most 100 characters').optional(),
  })
  .strict();
