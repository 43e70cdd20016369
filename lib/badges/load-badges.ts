import { and, asc, eq, inArray } from 'drizzle-orm';
import { registrations, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { inScope, scopedEvent } from '@/lib/admin/event-access';
import { DESK } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { type Locale, intlLocale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { documentSettingsFor, imageBytes } from '@/lib/documents/settings';
import type { Badge, BadgeStyle } from './badge-pdf';

const countryName = (code: string, locale: Locale) => {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
};

/** Who gets a badge: people holding a place at a venue (confirmed, or already admitted). */
const HOLDS_A_PLACE = ['confirmed', 'checked_in'] as const;

/**
 * The badges the desk may print: one registration's, or a venue's (the venue by slug), within the
 * staff member's venues. Someone outside them is not found, as an unknown id is not.
 */
export async function loadBadges(
  db: Db,
  actor: Actor | null,
  slug: string,
  which: { registrationId: string } | { venueSlug: string },
  locale: Locale,
): Promise<{ badges: Badge[]; venue: string; style: BadgeStyle } | null> {
  const { event, scope } = await scopedEvent(db, actor, slug, DESK);
  const rows = await db
    .select({
      registrationId: registrations.id,
      name: registrations.name,
      organisation: registrations.organisation,
      country: registrations.country,
      shortCode: registrations.shortCode,
      venueId: venues.id,
      venueName: venues.name,
    })
    .from(registrations)
    .innerJoin(venues, eq(venues.id, registrations.venueId))
    .where(
      and(
        eq(registrations.eventId, event.id),
        inArray(registrations.status, [...HOLDS_A_PLACE]),
        'registrationId' in which ? eq(registrations.id, which.registrationId) : eq(venues.slug, which.venueSlug),
      ),
    )
    .orderBy(asc(registrations.name));
  const visible = rows.filter((r) => inScope(scope, r.venueId));
  const settings = await documentSettingsFor(db, event.id);
  const style: BadgeStyle = { layout: settings.badgeLayout, logo: imageBytes(settings.badgeLogo) };
  if (visible.length === 0) return 'registrationId' in which ? null : { badges: [], venue: which.venueSlug, style };
  return {
    style,
    venue: pick(visible[0]!.venueName, locale),
    badges: visible.map((r) => ({
      registrationId: r.registrationId,
      name: r.name,
      organisation: r.organisation,
      country: countryName(r.country, locale),
      venue: pick(r.venueName, locale),
      shortCode: r.shortCode,
    })),
  };
}
