import { and, arrayContains, asc, eq, gte, ilike, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { exhibitors, listings, registrations, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import type { ListingQuery } from './listing-query';

/**
 * The author's public name: the exhibitor's, or an attendee's organisation (never their email, nor
 * their own name), as the same localised shape.
 */
const authorName = sql<LocalizedText>`coalesce(${exhibitors.name}, jsonb_build_object('en', ${registrations.organisation}))`;
const authorCountry = sql<string>`coalesce(${exhibitors.country}, ${registrations.country})`;

/** What anyone may read of a published listing, with its author's public name and country. */
export const publicListingColumns = {
  id: listings.id,
  kind: listings.kind,
  title: listings.title,
  summary: listings.summary,
  sector: listings.sector,
  trl: listings.trl,
  ipStatus: listings.ipStatus,
  cooperation: listings.cooperation,
  countries: listings.countries,
  /** Null for an attendee's listing (no exhibitor page to link to). */
  exhibitorSlug: exhibitors.slug,
  authorName,
  authorCountry,
};

/**
 * A listing whose author is public: an approved exhibitor, or a registration still confirmed (or
 * checked in) and not erased. Used with both author tables left-joined (`withAuthors`).
 */
export const authorIsPublic: SQL = or(
  eq(exhibitors.status, 'approved'),
  and(isNull(listings.exhibitorId), sql`${registrations.status} in ('confirmed', 'checked_in')`, isNull(registrations.erasedAt)),
)!;

export type PublicListing = Awaited<ReturnType<typeof publishedListings>>[number];

/** `%`, `_` and `\` typed into the search box are searched for as themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Every language's text of a localised column, without its keys (so searching "en" finds no key). */
const textOf = (column: AnyPgColumn) => sql<string>`(select coalesce(string_agg(value, ' '), '') from jsonb_each_text(${column}))`;

/**
 * An event's published listings of approved exhibitors and registered attendees, filtered: words in the title or summary
 * (any language), sector, offer or need, a country (the author's, or one they seek partners in),
 * and a lowest readiness level.
 */
export async function publishedListings(db: Db, eventId: string, query: ListingQuery = {}, exhibitorId?: string) {
  return db
    .select(publicListingColumns)
    .from(listings)
    .leftJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
    .leftJoin(registrations, eq(registrations.id, listings.authorRegistrationId))
    .where(
      and(
        publishedListingFilter(eventId, { ...query, trlMin: query.trl }),
        exhibitorId ? eq(listings.exhibitorId, exhibitorId) : undefined,
      ),
    )
    .orderBy(asc(listings.createdAt), asc(listings.id));
}

export type ListingFilter = Omit<ListingQuery, 'trl'> & { trlMin?: number; trlMax?: number };

/**
 * The condition for an event's public listings (published, by a public author: `authorIsPublic`; the
 * query left-joins both author tables) matching the filter. Shared by the directory page and the API.
 */
export function publishedListingFilter(eventId: string, query: ListingFilter): SQL {
  const words = query.q ? likePattern(query.q) : undefined;
  return and(
    eq(listings.eventId, eventId),
    eq(listings.status, 'published'),
    authorIsPublic,
    query.sector ? eq(listings.sector, query.sector) : undefined,
    query.kind ? eq(listings.kind, query.kind) : undefined,
    query.trlMin ? gte(listings.trl, query.trlMin) : undefined,
    query.trlMax ? lte(listings.trl, query.trlMax) : undefined,
    query.country ? or(eq(authorCountry, query.country), arrayContains(listings.countries, [query.country])) : undefined,
    words ? or(ilike(textOf(listings.title), words), ilike(textOf(listings.summary), words)) : undefined,
  )!;
}

/** One published listing of the event with a public author, or undefined. */
export async function publishedListing(db: Db, eventId: string, listingId: string) {
  const [row] = await db
    .select(publicListingColumns)
    .from(listings)
    .leftJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
    .leftJoin(registrations, eq(registrations.id, listings.authorRegistrationId))
    .where(and(eq(listings.id, listingId), eq(listings.eventId, eventId), eq(listings.status, 'published'), authorIsPublic));
  return row;
}
