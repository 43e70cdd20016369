import { DESK } from '@/lib/auth/authorize';
import { badgeSheetsResponse } from '@/lib/badges/badge-response';
import { staffRoute } from '@/lib/edge/route';
import { isLocale } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';

/** GET …/checkin/badges.pdf?venue=<venue slug>: a venue's badges, four to an A4 sheet. */
export const GET = staffRoute<{ slug: string; locale: string }>(
  DESK,
  ({ db, actor, event, request, params }) =>
    badgeSheetsResponse(
      db,
      actor,
      event.slug,
      new URL(request.url).searchParams.get('venue'),
      isLocale(params.locale) ? params.locale : 'en',
    ),
  { 'cache-control': 'no-store' },
);
