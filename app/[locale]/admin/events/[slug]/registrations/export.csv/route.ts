import { staffRoute } from '@/lib/edge/route';
import { READERS } from '@/lib/auth/authorize';
import { registrationsCsvResponse } from '@/lib/registration/admin/csv-response';

export const dynamic = 'force-dynamic';

/** GET …/registrations/export.csv?q=&venue=&mode=&status=&country=&type= — the table's filters. */
export const GET = staffRoute(
  READERS,
  ({ db, actor, event, request }) => registrationsCsvResponse(db, actor, event.slug, new URL(request.url).searchParams),
  { 'cache-control': 'no-store' },
);
