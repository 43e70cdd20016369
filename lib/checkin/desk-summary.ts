import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { registrations, venues, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { scopedEvent } from '@/lib/admin/event-access';
import { DESK } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { addDays, localDate, zonedToUtc } from '@/lib/time/zones';

export type DeskVenue = {
  id: string;
  slug: string;
  name: LocalizedText;
  timeZone: string;
  capacity: number | null;
  /** People admitted today, in the venue's own day. */
  checkedInToday: number;
  /** Everyone who holds a place here: confirmed or already admitted. */
  expected: number;
};

/**
 * The venues a desk serves (the staff member's own, or every on-site venue for event-wide staff),
 * each with today's admissions against the people expected, counted in the venue's time zone.
 */
export async function deskSummary(db: Db, actor: Actor | null, slug: string, now = new Date()): Promise<DeskVenue[]> {
  const { event, scope } = await scopedEvent(db, actor, slug, DESK);
  const rows = await db
    .select({ id: venues.id, slug: venues.slug, name: venues.name, timeZone: venues.timeZone, capacity: venues.capacity })
    .from(venues)
    .where(and(eq(venues.eventId, event.id), sql`${venues.kind} <> 'online'`, scope ? inArray(venues.id, scope) : undefined))
    .orderBy(asc(venues.position));
  return Promise.all(
    rows.map(async (venue) => {
      const today = localDate(now, venue.timeZone);
      const from = zonedToUtc(today, '00:00', venue.timeZone);
      const until = zonedToUtc(addDays(today, 1), '00:00', venue.timeZone);
      const [counts] = await db
        .select({
          expected: sql<number>`count(*) filter (where ${registrations.status} in ('confirmed', 'checked_in'))::int`,
          checkedInToday: sql<number>`count(*) filter (where ${registrations.checkedInAt} >= ${from.toISOString()}::timestamptz and ${registrations.checkedInAt} < ${until.toISOString()}::timestamptz)::int`,
        })
        .from(registrations)
        .where(eq(registrations.venueId, venue.id));
      return { ...venue, expected: counts?.expected ?? 0, checkedInToday: counts?.checkedInToday ?? 0 };
    }),
  );
}

export type DeskVenueView = { id: string; name: string; checkedInToday: number; expected: number };

/** The counts as the page shows them, each venue named in the reader's language. */
export function deskVenueViews(venues: DeskVenue[], locale: Locale): DeskVenueView[] {
  return venues.map((v) => ({ id: v.id, name: pick(v.name, locale), checkedInToday: v.checkedInToday, expected: v.expected }));
}
