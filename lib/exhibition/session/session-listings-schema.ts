import { z } from 'zod';
import { vmsg } from '@/lib/validation/message';

/**
 * The session kinds that present technology listings: technology promotion (roadshow, pitch) and
 * networking, which is the programme's matchmaking kind.
 */
export const PRESENTING_KINDS = ['promotion', 'networking'] as const;

export const MAX_SESSION_LISTINGS = 12;

/** Several values of one form field: the form sends each chosen listing under the same name. */
const many = (value: unknown) => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]);

/**
 * The listings a session presents, in the order shown (the order they were chosen in; a repeat
 * counts once). The session editor's form and its server action both parse with this.
 */
export const sessionListingsSchema = z.object({
  listingIds: z.preprocess(
    many,
    z
      .array(z.uuid({ error: vmsg('sessionListing') }), { error: vmsg('sessionListing') })
      .transform((list) => [...new Set(list.map((id) => id.toLowerCase()))])
      .pipe(z.array(z.string()).max(MAX_SESSION_LISTINGS, vmsg('sessionListingsTooMany', { max: MAX_SESSION_LISTINGS }))),
  ),
});

export type SessionListingsValues = z.input<typeof sessionListingsSchema>;
