import { sql } from 'drizzle-orm';
import { registrations } from '@/db/schema';

/**
 * Name, email and organisation as one lower-case text: the exact expression the GIN trigram index
 * registrations_desk_search_idx holds (db/schema/registration.ts), so the planner matches it. Read by
 * the desk's search (lib/checkin/search.ts) and the organisers' list search (admin/filters.ts).
 */
export const registrationSearchText = sql`lower(${registrations.name} || ' ' || ${registrations.email} || ' ' || ${registrations.organisation})`;

/**
 * Whether pg_trgm can find candidates for text searched as `%text%`: only when it holds three letters
 * or digits in a row (a whole trigram of one word). Without one the index would be read whole,
 * slower than the scan the planner picks otherwise.
 */
export function hasTrigram(text: string): boolean {
  return /[\p{L}\p{N}\p{M}]{3}/u.test(text);
}
