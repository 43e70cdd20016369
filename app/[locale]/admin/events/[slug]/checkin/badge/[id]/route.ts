import { DESK } from '@/lib/auth/authorize';
import { singleBadgeResponse } from '@/lib/badges/badge-response';
import { staffRoute } from '@/lib/edge/route';
import { isLocale } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';

/** GET …/checkin/badge/<registration id>: the attendee's badge, printed from the desk after check-in. */
export const GET = staffRoute<{ slug: string; locale: string; id: string }>(
  DESK,
  ({ db, actor, event, params }) => singleBadgeResponse(db, actor, event.slug, params.id, isLocale(params.locale) ? params.locale : 'en'),
  { 'cache-control': 'no-store' },
);
