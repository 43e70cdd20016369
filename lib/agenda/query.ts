import { z } from 'zod';
import { isValidTimeZone } from '@/lib/time/zones';

const optionalToken = z
  .string()
  .max(60)
  .regex(/^[a-z0-9_-]+$/)
  .optional()
  .catch(undefined);

/** `?tz=` — the viewer's own zone, offered by the browser (components/agenda/viewer-zone); a bad one is ignored. */
export const viewerZoneSchema = z.string().max(64).refine(isValidTimeZone).optional().catch(undefined);

/** Agenda filters from the URL; anything malformed is ignored rather than failing the page. */
export const agendaQuerySchema = z.object({
  venue: optionalToken,
  segment: optionalToken,
  kind: optionalToken,
  language: z
    .string()
    .regex(/^[a-z]{2}$/)
    .optional()
    .catch(undefined),
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .catch(undefined)
    .transform((q) => q || undefined),
  tz: viewerZoneSchema,
});

export type AgendaQuery = z.output<typeof agendaQuerySchema>;

export function parseAgendaQuery(params: Record<string, string | string[] | undefined>): AgendaQuery {
  const single = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return agendaQuerySchema.parse(single);
}
