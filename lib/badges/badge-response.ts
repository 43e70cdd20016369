import { z } from 'zod';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import type { Locale } from '@/lib/i18n/locales';
import { badgeSheetsPdf, singleBadgePdf } from './badge-pdf';
import { loadBadges } from './load-badges';

const NOT_FOUND = 'There is no such registration at your venues';

function pdf(bytes: Uint8Array, filename: string): Response {
  return new Response(Buffer.from(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}

/** One attendee's badge as a PDF download; 404 for an id that is not a registration at the staff member's venues. */
export async function singleBadgeResponse(db: Db, actor: Actor | null, slug: string, id: string, locale: Locale): Promise<Response> {
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) return errorResponse(notFound(NOT_FOUND));
  const found = await loadBadges(db, actor, slug, { registrationId: parsed.data }, locale);
  if (!found) return errorResponse(notFound(NOT_FOUND));
  return pdf(await singleBadgePdf(found.badges[0]!, found.style), `badge-${found.badges[0]!.shortCode}.pdf`);
}

/** A venue's badges on A4 sheets (?venue=<slug>); a venue outside the staff member's scope has no badges. */
export async function badgeSheetsResponse(
  db: Db,
  actor: Actor | null,
  slug: string,
  venueSlug: string | null,
  locale: Locale,
): Promise<Response> {
  const parsed = z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .safeParse(venueSlug);
  if (!parsed.success) return errorResponse(notFound('Choose a venue'));
  const found = await loadBadges(db, actor, slug, { venueSlug: parsed.data }, locale);
  return pdf(await badgeSheetsPdf(found?.badges ?? [], found?.venue ?? parsed.data, found?.style), `badges-${parsed.data}.pdf`);
}
