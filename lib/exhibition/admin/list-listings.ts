import { asc, desc, eq, sql } from 'drizzle-orm';
import { exhibitors, listings, registrations } from '@/db/schema';
import { publicListingColumns } from '../public-listings';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import type { ListingFormValues } from './listing-schema';
import { localizedFormValues } from '@/lib/validation/localized-text-input';

/**
 * An event's listings for moderation, exhibitors' and attendees' alike: pending first, then newest
 * first. An attendee author is shown as the public will see them (organisation and country).
 */
export async function listListings(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const rows = await db
    .select({
      id: listings.id,
      kind: listings.kind,
      title: listings.title,
      sector: listings.sector,
      trl: listings.trl,
      status: listings.status,
      authorName: publicListingColumns.authorName,
      authorCountry: publicListingColumns.authorCountry,
      byAttendee: sql<boolean>`${listings.authorRegistrationId} is not null`,
    })
    .from(listings)
    .leftJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
    .leftJoin(registrations, eq(registrations.id, listings.authorRegistrationId))
    .where(eq(listings.eventId, event.id))
    .orderBy(asc(listings.status), desc(listings.createdAt));
  return { event, listings: rows };
}

export const emptyListingValues: ListingFormValues = {
  exhibitorId: '',
  kind: 'offer',
  title: localizedFormValues(null),
  summary: localizedFormValues(null),
  sector: '' as never,
  trl: '',
  ipStatus: '' as never,
  cooperation: [],
  countries: [],
};

/** The "new listing" page: the event's exhibitors to choose the author from. */
export async function newListingDefaults(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const authors = await db
    .select({ id: exhibitors.id, name: exhibitors.name })
    .from(exhibitors)
    .where(eq(exhibitors.eventId, event.id))
    .orderBy(asc(exhibitors.slug));
  return { event, exhibitors: authors, values: emptyListingValues };
}
