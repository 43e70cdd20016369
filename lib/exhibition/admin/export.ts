import { asc, eq } from 'drizzle-orm';
import { exhibitors, listings, registrations, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import { CSV_BOM, csvRecord } from '@/lib/registration/admin/csv';

type Csv = { filename: string; body: string };

/**
 * The event's exhibitors as a spreadsheet for its organisers, every status, with the contacts
 * (organisers see them on the edit page too). Text cells are made formula-safe.
 */
export async function exportExhibitorsCsv(db: Db, actor: Actor | null, slug: string): Promise<Csv> {
  const event = await organiserEvent(db, actor, slug);
  const rows = await db
    // Every column but the logo (a data: URL of up to ~1.4 MB each, which the sheet does not carry).
    .select({
      exhibitor: {
        slug: exhibitors.slug,
        name: exhibitors.name,
        country: exhibitors.country,
        sectors: exhibitors.sectors,
        status: exhibitors.status,
        hall: exhibitors.hall,
        booth: exhibitors.booth,
        website: exhibitors.website,
        contactName: exhibitors.contactName,
        contactEmail: exhibitors.contactEmail,
        contactPhone: exhibitors.contactPhone,
        createdAt: exhibitors.createdAt,
      },
      venueSlug: venues.slug,
    })
    .from(exhibitors)
    .leftJoin(venues, eq(venues.id, exhibitors.venueId))
    .where(eq(exhibitors.eventId, event.id))
    .orderBy(asc(exhibitors.slug));
  const header = [
    'slug',
    'name',
    'country',
    'sectors',
    'status',
    'venue',
    'hall',
    'booth',
    'website',
    'contact_name',
    'contact_email',
    'contact_phone',
    'created_at',
  ];
  const lines = rows.map(({ exhibitor: e, venueSlug }) =>
    csvRecord([
      e.slug,
      e.name.en,
      e.country,
      e.sectors.join(' '),
      e.status,
      venueSlug ?? 'online',
      e.hall,
      e.booth,
      e.website,
      e.contactName,
      e.contactEmail,
      e.contactPhone,
      e.createdAt,
    ]),
  );
  return { filename: `${event.slug}-exhibitors.csv`, body: CSV_BOM + csvRecord(header) + lines.join('') };
}

/**
 * The event's listings as a spreadsheet for its organisers, every status, exhibitors' and attendees'
 * alike (an attendee's names its author). Text cells are made formula-safe.
 */
export async function exportListingsCsv(db: Db, actor: Actor | null, slug: string): Promise<Csv> {
  const event = await organiserEvent(db, actor, slug);
  const rows = await db
    .select({
      listing: listings,
      exhibitorSlug: exhibitors.slug,
      exhibitorName: exhibitors.name,
      authorName: registrations.name,
      authorOrganisation: registrations.organisation,
    })
    .from(listings)
    .leftJoin(exhibitors, eq(exhibitors.id, listings.exhibitorId))
    .leftJoin(registrations, eq(registrations.id, listings.authorRegistrationId))
    .where(eq(listings.eventId, event.id))
    .orderBy(asc(listings.createdAt), asc(listings.id));
  const header = [
    'id',
    'exhibitor',
    'exhibitor_name',
    'author_name',
    'author_organisation',
    'kind',
    'title',
    'sector',
    'trl',
    'ip_status',
    'cooperation',
    'partner_countries',
    'status',
    'created_at',
  ];
  const lines = rows.map(({ listing: l, exhibitorSlug, exhibitorName, authorName, authorOrganisation }) =>
    csvRecord([
      l.id,
      exhibitorSlug ?? '',
      exhibitorName?.en ?? '',
      authorName ?? '',
      authorOrganisation ?? '',
      l.kind,
      l.title.en,
      l.sector,
      l.trl,
      l.ipStatus,
      l.cooperation.join(' '),
      l.countries.join(' '),
      l.status,
      l.createdAt,
    ]),
  );
  return { filename: `${event.slug}-listings.csv`, body: CSV_BOM + csvRecord(header) + lines.join('') };
}
