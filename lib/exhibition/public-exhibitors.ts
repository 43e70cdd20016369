import { cache } from 'react';
import { and, asc, eq, sql } from 'drizzle-orm';
import { exhibitors, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { publishedEventBySlug } from '@/lib/agenda/events';
import { getDb } from '@/lib/database/process-database';
import { slugSchema } from '@/lib/validation/common';
import type { ListingQuery } from './listing-query';
import { publishedListings } from './public-listings';

/**
 * What anyone may read of an exhibitor: the approved profile and booth. The contacts are not here:
 * they are for organisers, and for the other side of an accepted meeting.
 */
export const publicExhibitorColumns = {
  id: exhibitors.id,
  slug: exhibitors.slug,
  name: exhibitors.name,
  description: exhibitors.description,
  country: exhibitors.country,
  sectors: exhibitors.sectors,
  website: exhibitors.website,
  // Whether to show the logo route; the image itself is not read with the directory.
  hasLogo: sql<boolean>`${exhibitors.logo} is not null`.mapWith(Boolean),
  hall: exhibitors.hall,
  booth: exhibitors.booth,
  venueSlug: venues.slug,
};

const publicColumns = { ...publicExhibitorColumns, venueName: venues.name };

export type PublicExhibitor = Awaited<ReturnType<typeof approvedExhibitors>>[number];

async function approvedExhibitors(db: Db, eventId: string, exhibitorSlug?: string) {
  return db
    .select(publicColumns)
    .from(exhibitors)
    .leftJoin(venues, eq(venues.id, exhibitors.venueId))
    .where(
      and(
        eq(exhibitors.eventId, eventId),
        eq(exhibitors.status, 'approved'),
        exhibitorSlug === undefined ? undefined : eq(exhibitors.slug, exhibitorSlug),
      ),
    )
    .orderBy(asc(exhibitors.slug));
}

/** A published event's approved exhibitors, or undefined when the event is not public. */
export async function exhibitorDirectory(db: Db, eventSlug: string) {
  const event = await publishedEventBySlug(db, eventSlug);
  if (!event) return undefined;
  return { event, exhibitors: await approvedExhibitors(db, event.id) };
}

/** One approved exhibitor of a published event, or undefined (pending ones are not public). */
export async function publicExhibitor(db: Db, eventSlug: string, exhibitorSlug: string) {
  const event = await publishedEventBySlug(db, eventSlug);
  if (!event) return undefined;
  const [exhibitor] = await approvedExhibitors(db, event.id, exhibitorSlug);
  return exhibitor ? { event, exhibitor } : undefined;
}

/** One approved exhibitor of the event by its id (the meeting request's `exhibitor:<id>`), or undefined. */
export async function approvedExhibitorById(db: Db, eventId: string, exhibitorId: string) {
  const [exhibitor] = await db
    .select(publicColumns)
    .from(exhibitors)
    .leftJoin(venues, eq(venues.id, exhibitors.venueId))
    .where(and(eq(exhibitors.eventId, eventId), eq(exhibitors.id, exhibitorId), eq(exhibitors.status, 'approved')));
  return exhibitor;
}

/** The directory of a published event by its address's slug (once per request), or undefined. */
export const loadExhibitorDirectory = cache(async (eventSlug: string) => {
  const parsed = slugSchema.safeParse(eventSlug);
  return parsed.success ? exhibitorDirectory(await getDb(), parsed.data) : undefined;
});

/** One approved exhibitor by the address's slugs (once per request), or undefined. */
export const loadPublicExhibitor = cache(async (eventSlug: string, exhibitorSlug: string) => {
  const event = slugSchema.safeParse(eventSlug);
  const exhibitor = slugSchema.safeParse(exhibitorSlug);
  return event.success && exhibitor.success ? publicExhibitor(await getDb(), event.data, exhibitor.data) : undefined;
});

/** A published event's technology directory, filtered, by its address's slug (once per request). */
export const loadListingDirectory = cache(async (eventSlug: string, query: ListingQuery) => {
  const parsed = slugSchema.safeParse(eventSlug);
  if (!parsed.success) return undefined;
  const db = await getDb();
  const event = await publishedEventBySlug(db, parsed.data);
  if (!event) return undefined;
  return { event, listings: await publishedListings(db, event.id, query) };
});

/** An approved exhibitor's published listings, for its page. */
export async function loadExhibitorListings(eventId: string, exhibitorId: string) {
  return publishedListings(await getDb(), eventId, {}, exhibitorId);
}
