import { and, arrayContains, asc, eq, gte, ilike, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { exhibitors, listings } from '@/db/schema';
import type { Db } from '@/db/types';
import type { ListingQuery } from './listing-query';

/** What anyone may read of a published listing, with its exhibitor's public name and country. */
const publicColumns = {
  id: listings.id,
  kind: listings.kind,
  title: listings.title,
  summary: listings.summary,
  sector: listings.sector,
  trl: listings.trl,
  ipStatus: listings.ipStatus,
  cooperation: listings.cooperation,
  countries: listings.countries,
  exhibitorSlug: exhibitors.slug,
  exhibitorName: exhibitors.name,
  exhibitorCountry: exhibitors.country,
};

export type PublicListing = Awaited<ReturnType<typeof publishedListings>>[number];

/** `%`, `_` and `\` typed into the search box are searched for as themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every language's text of a localised column, without its keys (so searching "en" finds no key). */
const textOf = (column: AnyPgColumn) => sql<string>`(select coalesce(string_agg(value, ' '), '') from jsonb_each_text(${column}))`;

/**
 * An event's published listings of approved exhibitors, filtered: words in the title or summary
 * (any language), sector, offer or need, a country (the author's, or one they seek partners in),
 * and a lowest readiness level.
 */
export async function publishedListings(db: Db, eventId: string, query: ListingQuery = {}, exhibitorId?: string) {
  const words = query.q ? likePattern(query.q) : undefined;
  return db
    .select(publicColumns)
    .from(listings)
    .innerJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
    .where(
      and(
        eq(listings.eventId, eventId),
        eq(listings.status, 'published'),
        eq(exhibitors.status, 'approved'),
        exhibitorId ? eq(listings.exhibitorId, exhibitorId) : undefined,
        query.sector ? eq(listings.sector, query.sector) : undefined,
        query.kind ? eq(listings.kind, query.kind) : undefined,
        query.trl ? gte(listings.trl, query.trl) : undefined,
        query.country ? or(eq(exhibitors.country, query.country), arrayContains(listings.countries, [query.country])) : undefined,
        words ? or(ilike(textOf(listings.title), words), ilike(textOf(listings.summary), words)) : undefined,
      ),
    )
    .orderBy(asc(listings.createdAt), asc(listings.id));
}
