import type { Db } from '@/db/types';
import { scopedEvent } from '@/lib/admin/event-access';
import { authorizationFailure, READERS } from '@/lib/auth/authorize';
import { errorResponse } from '@/lib/errors/http';
import { invalid } from '@/lib/errors/result';
import type { Actor } from '@/lib/auth/sessions';
import { fieldErrors } from '@/lib/validation/field-errors';
import { exportRegistrationsCsv } from './export';
import { filtersFromSearchParams } from './filters';

/** The HTTP answer of the CSV export route: 401/403 when not allowed, 422 for bad filters, else the file. */
export async function registrationsCsvResponse(
  db: Db,
  actor: Actor | null,
  slug: string,
  searchParams: URLSearchParams,
): Promise<Response> {
  const noStore = { 'cache-control': 'no-store' };
  try {
    const parsed = filtersFromSearchParams(searchParams);
    if (!parsed.success) {
      // Authorization still comes first: a stranger learns nothing, not even that a filter is wrong.
      await scopedEvent(db, actor, slug, READERS);
      return errorResponse(invalid(fieldErrors(parsed.error)), noStore);
    }
    const csv = await exportRegistrationsCsv(db, actor, slug, parsed.data);
    return new Response(csv.stream, {
      status: 200,
      headers: {
        ...noStore,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csv.filename}"`,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (error) {
    return errorResponse(authorizationFailure(error), noStore);
  }
}
