import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { AuthorizationError } from '@/lib/auth/authorize';
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
      const fields = fieldErrors(parsed.error);
      const [field, message] = Object.entries(fields)[0]!;
      // Authorization still comes first: a stranger learns nothing, not even that a filter is wrong.
      await organiserEvent(db, actor, slug);
      return Response.json({ error: `${field} ${message}`, fields }, { status: 422, headers: noStore });
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
    if (error instanceof AuthorizationError) {
      const status = error.reason === 'signed-out' ? 401 : 403;
      return Response.json({ error: error.message }, { status, headers: noStore });
    }
    throw error;
  }
}
