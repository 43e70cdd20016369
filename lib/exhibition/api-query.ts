import { z } from 'zod';
import { LISTING_KINDS, SECTORS } from '@/db/schema/exhibition';
import { cursorSchema } from '@/lib/pagination/keyset';
import { vmsg } from '@/lib/validation/message';

/** How many rows a page of the exhibitor and listing lists holds: `limit`, 1 to 100, 50 unless asked. */
export const API_PAGE_DEFAULT = 50;
export const API_PAGE_MAX = 100;

const pageFields = {
  limit: z.coerce
    .number({ error: vmsg('wholeNumber') })
    .int(vmsg('wholeNumber'))
    .min(1, vmsg('tooSmall', { min: 1 }))
    .max(API_PAGE_MAX, vmsg('tooBig', { max: API_PAGE_MAX }))
    .default(API_PAGE_DEFAULT),
  /** The `next` of the page before: rows after it, in the list's order. */
  cursor: cursorSchema.optional(),
};

const sector = z.enum(SECTORS, { error: vmsg('choose') }).optional();
const country = z
  .string()
  .regex(/^[A-Z]{2}$/, vmsg('country'))
  .optional();
// Not 'wholeNumber': its example ("such as 120") is not a readiness level.
const trl = z.coerce
  .number({ error: vmsg('trl') })
  .int(vmsg('trl'))
  .min(1, vmsg('tooSmall', { min: 1 }))
  .max(9, vmsg('tooBig', { max: 9 }))
  .optional();

/** Query of GET /api/v1/events/{slug}/exhibitors: strict, so a client learns about a typo (422). */
export const exhibitorApiQuerySchema = z.object({ sector, country, ...pageFields }).strict();
export type ExhibitorApiQuery = z.output<typeof exhibitorApiQuerySchema>;

/** Query of GET /api/v1/events/{slug}/listings: strict; `trlMin` may not exceed `trlMax`. */
export const listingApiQuerySchema = z
  .object({
    sector,
    country,
    kind: z.enum(LISTING_KINDS, { error: vmsg('choose') }).optional(),
    trlMin: trl,
    trlMax: trl,
    q: z
      .string()
      .trim()
      .max(100, vmsg('tooLong', { max: 100 }))
      .optional(),
    ...pageFields,
  })
  .strict()
  .superRefine((query, context) => {
    if (query.trlMin !== undefined && query.trlMax !== undefined && query.trlMin > query.trlMax)
      context.addIssue({ code: 'custom', path: ['trlMax'], message: vmsg('tooSmall', { min: query.trlMin }) });
  });
export type ListingApiQuery = z.output<typeof listingApiQuerySchema>;
