import { READERS } from '@/lib/auth/authorize';
import { attendanceCsvResponse } from '@/lib/checkin/attendance-report';
import { staffRoute } from '@/lib/edge/route';
import { isLocale } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';

/** GET …/reports/attendance.csv: attendance per venue and per session, in the reader's language. */
export const GET = staffRoute<{ slug: string; locale: string }>(
  READERS,
  ({ db, actor, event, params }) => attendanceCsvResponse(db, actor, event.slug, isLocale(params.locale) ? params.locale : 'en'),
  { 'cache-control': 'no-store' },
);
