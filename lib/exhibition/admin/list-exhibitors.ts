import { and, asc, eq } from 'drizzle-orm';
import { exhibitors, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';
import type { ExhibitorFormValues } from './exhibitor-schema';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { safePhotoSrc } from '@/lib/speakers/photo';

/** An event's exhibitors for its organisers, pending ones first, then by slug. */
export async function listExhibitors(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const rows = await db
    .select({
      id: exhibitors.id,
      slug: exhibitors.slug,
      name: exhibitors.name,
      country: exhibitors.country,
      sectors: exhibitors.sectors,
      status: exhibitors.status,
      hall: exhibitors.hall,
      booth: exhibitors.booth,
      venueName: venues.name,
    })
    .from(exhibitors)
    .leftJoin(venues, eq(venues.id, exhibitors.venueId))
    .where(eq(exhibitors.eventId, event.id))
    .orderBy(asc(exhibitors.status), asc(exhibitors.slug));
  return { event, exhibitors: rows };
}

/** The form values that show a stored exhibitor as it is. */
export function exhibitorFormValues(row: typeof exhibitors.$inferSelect): ExhibitorFormValues {
  return {
    slug: row.slug,
    name: localizedFormValues(row.name),
    description: localizedFormValues(row.description),
    country: row.country,
    sectors: row.sectors,
    website: row.website,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    venueId: row.venueId ?? '',
    hall: row.hall ?? '',
    booth: row.booth ?? '',
  };
}

export const emptyExhibitorValues: ExhibitorFormValues = {
  slug: '',
  name: localizedFormValues(null),
  description: localizedFormValues(null),
  country: '',
  sectors: [],
  website: '',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  venueId: '',
  hall: '',
  booth: '',
};

/** The venues a booth can be at: the event's on-site ones. */
async function boothVenues(db: Db, eventId: string) {
  return db
    .select({ id: venues.id, name: venues.name, kind: venues.kind })
    .from(venues)
    .where(eq(venues.eventId, eventId))
    .orderBy(asc(venues.position))
    .then((rows) => rows.filter((v) => v.kind !== 'online'));
}

/** The "new exhibitor" page's event, venues and empty values, for its organisers. */
export async function newExhibitorDefaults(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  return { event, venues: await boothVenues(db, event.id), values: emptyExhibitorValues };
}

/** One exhibitor of the event for its edit page, or null when it is not this event's. */
export async function exhibitorForEdit(db: Db, actor: Actor | null, slug: string, exhibitorId: string) {
  const event = await organiserEvent(db, actor, slug);
  const [row] = await db
    .select()
    .from(exhibitors)
    .where(and(eq(exhibitors.id, exhibitorId), eq(exhibitors.eventId, event.id)));
  if (!row) return { event, exhibitor: null };
  return {
    event,
    venues: await boothVenues(db, event.id),
    exhibitor: { id: row.id, slug: row.slug, name: row.name, status: row.status, logo: safePhotoSrc(row.logo) },
    values: exhibitorFormValues(row),
  };
}
