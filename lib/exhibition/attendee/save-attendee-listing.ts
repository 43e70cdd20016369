import { and, count, desc, eq } from 'drizzle-orm';
import type { LocalizedText } from '@/db/schema';
import { listings, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { type AttendeeListingInput, type AttendeeListingValues, attendeeListingSchema } from './attendee-listing-schema';
import { type AuthorRefusal, type ListingAuthor, listingAuthorForToken } from './listing-author';

/** A refusal of the link itself (not of a field): the page says why in words. */
export type AuthorResult = Result<{ id: string }> | { ok: false; code: 'author'; reason: AuthorRefusal };

const NOT_YOURS = () => invalid({ form: vmsg('listingNotYours') });

/** The title in the author's language, and in English for everyone else (their own text when they gave none). */
function titleOf(input: AttendeeListingInput, locale: string): LocalizedText {
  if (locale === 'en') return { en: input.title };
  return { en: input.titleEn || input.title, [locale]: input.title };
}

function columns(input: AttendeeListingInput, author: ListingAuthor) {
  const summary: LocalizedText = author.locale === 'en' ? { en: input.summary } : { en: '', [author.locale]: input.summary };
  return {
    kind: input.kind,
    title: titleOf(input, author.locale),
    summary,
    sector: input.sector,
    trl: input.trl,
    ipStatus: input.ipStatus,
    cooperation: input.cooperation,
    countries: input.countries,
  };
}

async function asAuthor(db: Db, token: string, run: (author: ListingAuthor) => Promise<Result<{ id: string }>>): Promise<AuthorResult> {
  const found = await listingAuthorForToken(db, token);
  if (!found.ok) return { ok: false, code: 'author', reason: found.reason };
  return run(found.author);
}

/**
 * How many listings one registration may hold, in any status: enough for a research group's offers
 * and needs, few enough that one throwaway registration cannot bury the moderation queue.
 */
export const LISTINGS_PER_ATTENDEE = 10;

/**
 * A registered attendee posts an offer or need; it waits for the organisers' moderation. The
 * registration's row is locked while its listings are counted, so posts sent at once cannot pass the cap together.
 */
export function createAttendeeListing(db: Db, token: string, values: unknown, now = new Date()): Promise<AuthorResult> {
  return asAuthor(db, token, async (author) => {
    const parsed = parseInput(attendeeListingSchema, values);
    if (!parsed.ok) return parsed;
    return db.transaction(async (tx) => {
      await tx.select({ id: registrations.id }).from(registrations).where(eq(registrations.id, author.id)).for('update');
      const [held] = await tx.select({ n: count() }).from(listings).where(eq(listings.authorRegistrationId, author.id));
      if (held!.n >= LISTINGS_PER_ATTENDEE) return invalid({ form: vmsg('listingLimit', { max: String(LISTINGS_PER_ATTENDEE) }) });
      const [row] = await tx
        .insert(listings)
        .values({ eventId: author.eventId, authorRegistrationId: author.id, ...columns(parsed.value, author), createdAt: now })
        .returning({ id: listings.id });
      return ok({ id: row!.id });
    });
  });
}

/**
 * The author edits their listing: only a listing whose author is the link's registration (any other
 * id, of another person or event, is "not yours"). An edit goes back to moderation (pending), so
 * nothing unmoderated is ever public.
 */
export function updateAttendeeListing(db: Db, token: string, listingId: string, values: unknown): Promise<AuthorResult> {
  return asAuthor(db, token, async (author) => {
    const parsed = parseInput(attendeeListingSchema, values);
    if (!parsed.ok) return parsed;
    const [row] = await db
      .update(listings)
      .set({ ...columns(parsed.value, author), status: 'pending', moderatedAt: null })
      .where(and(eq(listings.id, listingId), eq(listings.authorRegistrationId, author.id)))
      .returning({ id: listings.id });
    return row ? ok({ id: row.id }) : NOT_YOURS();
  });
}

/**
 * The author withdraws their listing: it is deleted (a session stops presenting it; a meeting
 * already asked about it keeps its time and people, without the listing).
 */
export function withdrawAttendeeListing(db: Db, token: string, listingId: string): Promise<AuthorResult> {
  return asAuthor(db, token, async (author) => {
    const [row] = await db
      .delete(listings)
      .where(and(eq(listings.id, listingId), eq(listings.authorRegistrationId, author.id)))
      .returning({ id: listings.id });
    return row ? ok({ id: row.id }) : NOT_YOURS();
  });
}

/** The author's own listings, newest first, with their moderation status. */
export async function myListings(db: Db, author: ListingAuthor) {
  return db
    .select({
      id: listings.id,
      kind: listings.kind,
      title: listings.title,
      summary: listings.summary,
      sector: listings.sector,
      trl: listings.trl,
      ipStatus: listings.ipStatus,
      cooperation: listings.cooperation,
      countries: listings.countries,
      status: listings.status,
    })
    .from(listings)
    .where(eq(listings.authorRegistrationId, author.id))
    .orderBy(desc(listings.createdAt), desc(listings.id));
}

export type MyListing = Awaited<ReturnType<typeof myListings>>[number];

/** A stored listing as its edit form shows it. */
export function attendeeListingFormValues(listing: MyListing, locale: string): AttendeeListingValues {
  const own = listing.title[locale] ?? listing.title.en;
  return {
    kind: listing.kind,
    title: own,
    titleEn: locale !== 'en' && listing.title.en !== own ? listing.title.en : '',
    summary: listing.summary[locale] ?? listing.summary.en ?? '',
    sector: listing.sector,
    trl: listing.trl,
    ipStatus: listing.ipStatus,
    cooperation: listing.cooperation,
    countries: listing.countries,
  };
}
