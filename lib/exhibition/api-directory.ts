import { and, arrayContains, eq } from 'drizzle-orm';
import { exhibitors, listings, registrations, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { publishedEventBySlug } from '@/lib/agenda/events';
import type { ExhibitorApiQuery, ListingApiQuery } from '@/lib/exhibition/api-query';
import { type Cursor, encodeCursor, keyset } from '@/lib/pagination/keyset';
import { publicExhibitorColumns } from './public-exhibitors';
import { publicListingColumns, publishedListingFilter } from './public-listings';

/*
 * The exhibitor and technology directories of the public API, page by page. Rows are ordered by
 * (created_at, id) and paged by keyset (lib/pagination), so a page never repeats or skips a row when
 * others are added. Only approved exhibitors and published listings; no contact field is selected.
 */

const exhibitorKeyset = keyset(exhibitors.createdAt, exhibitors.id);
const listingKeyset = keyset(listings.createdAt, listings.id);

export type ApiExhibitor = Awaited<ReturnType<typeof exhibitorRows>>[number];
export type ApiListing = Awaited<ReturnType<typeof listingRows>>[number];

function exhibitorRows(db: Db, eventId: string, where: ReturnType<typeof and>, limit: number) {
  return db
    .select({ ...publicExhibitorColumns, cursor: exhibitorKeyset.cursorText })
    .from(exhibitors)
    .leftJoin(venues, eq(venues.id, exhibitors.venueId))
    .where(and(eq(exhibitors.eventId, eventId), eq(exhibitors.status, 'approved'), where))
    .orderBy(...exhibitorKeyset.order('asc'))
    .limit(limit);
}

function listingRows(db: Db, where: ReturnType<typeof and>, limit: number) {
  return db
    .select({ ...publicListingColumns, cursor: listingKeyset.cursorText })
    .from(listings)
    .leftJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
    .leftJoin(registrations, eq(registrations.id, listings.authorRegistrationId))
    .where(where)
    .orderBy(...listingKeyset.order('asc'))
    .limit(limit);
}

/** One page and the cursor of the next (null on the last page): one row more than the page is read to know. */
function page<Row extends { id: string; cursor: string }>(rows: Row[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? encodeCursor({ createdAt: last.cursor, id: last.id }) : null };
}

const after = (ks: ReturnType<typeof keyset>, cursor: Cursor | undefined) => (cursor ? ks.after(cursor, 'asc') : undefined);

/** A published forum's approved exhibitors, filtered and paged; undefined when the forum is not public. */
export async function apiExhibitors(db: Db, eventSlug: string, query: ExhibitorApiQuery) {
  const event = await publishedEventBySlug(db, eventSlug);
  if (!event) return undefined;
  const where = and(
    query.sector ? arrayContains(exhibitors.sectors, [query.sector]) : undefined,
    query.country ? eq(exhibitors.country, query.country) : undefined,
    after(exhibitorKeyset, query.cursor),
  );
  return page(await exhibitorRows(db, event.id, where, query.limit + 1), query.limit);
}

/** One approved exhibitor of a published forum with its published listings, or undefined. */
export async function apiExhibitor(db: Db, eventSlug: string, exhibitorSlug: string) {
  const event = await publishedEventBySlug(db, eventSlug);
  if (!event) return undefined;
  const [exhibitor] = await exhibitorRows(db, event.id, eq(exhibitors.slug, exhibitorSlug), 1);
  if (!exhibitor) return undefined;
  const own = await listingRows(db, and(publishedListingFilter(event.id, {}), eq(listings.exhibitorId, exhibitor.id)), 1000);
  return { exhibitor, listings: own };
}

/** A published forum's published listings, filtered and paged; undefined when the forum is not public. */
export async function apiListings(db: Db, eventSlug: string, query: ListingApiQuery) {
  const event = await publishedEventBySlug(db, eventSlug);
  if (!event) return undefined;
  const where = and(publishedListingFilter(event.id, query), after(listingKeyset, query.cursor));
  return page(await listingRows(db, where, query.limit + 1), query.limit);
}
