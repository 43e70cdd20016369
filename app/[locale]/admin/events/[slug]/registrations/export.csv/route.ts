import { staffRoute } from '@/lib/edge/route';
import { isLocale } from '@/lib/i18n/locales';
import { READERS } from '@/lib/auth/authorize';
import { registrationsCsvResponse } from '@/lib/registration/admin/csv-response';
import { passportCsvColumns } from '@/lib/visa/passport-export';

export const dynamic = 'force-dynamic';

/** GET …/registrations/export.csv?q=&venue=&mode=&status=&country=&type= — the table's filters; `passport=1` adds passport details (organisers only). */
export const GET = staffRoute<{ slug: string; locale: string }>(
  READERS,
  ({ db, actor, event, request, params }) =>
    registrationsCsvResponse(
      db,
      actor,
      event.slug,
      new URL(request.url).searchParams,
      isLocale(params.locale) ? params.locale : 'en',
      passportCsvColumns,
    ),
  { 'cache-control': 'no-store' },
);
