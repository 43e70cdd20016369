import { z } from 'zod';
import { LISTING_KINDS, SECTORS } from '@/db/schema/exhibition';

const blankToUndefined = (value: unknown) => (value === '' ? undefined : value);

/**
 * The technology directory's filters from its address: a value that is not one of ours is ignored
 * (the filter is off), never an error page, so a hand-edited link still shows the directory.
 */
export const listingQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  sector: z.preprocess(blankToUndefined, z.enum(SECTORS).optional()).catch(undefined),
  kind: z.preprocess(blankToUndefined, z.enum(LISTING_KINDS).optional()).catch(undefined),
  country: z
    .preprocess(
      blankToUndefined,
      z
        .string()
        .regex(/^[A-Z]{2}$/)
        .optional(),
    )
    .catch(undefined),
  /** The lowest readiness level wanted. */
  trl: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(9).optional()).catch(undefined),
});

export type ListingQuery = z.output<typeof listingQuerySchema>;
