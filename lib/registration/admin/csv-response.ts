import type { Db } from '@/db/types';
import { scopedEvent } from '@/lib/admin/event-access';
import { AuthorizationError, authorizationFailure, READERS } from '@/lib/auth/authorize';
import { errorResponse } from '@/lib/errors/http';
import { csvDownload } from './csv-download';
import { invalid } from '@/lib/errors/result';
import type { Actor } from '@/lib/auth/sessions';
import type { Locale } from '@/lib/i18n/locales';
import { fieldErrors } from '@/lib/validation/field-errors';
import { fieldWords } from '@/lib/validation/field-words';
import { type ExtraCsvColumns, exportRegistrationsCsv } from './export';
import { filtersFromSearchParams } from './filters';

/**
 * The HTTP answer of the CSV export route: 401/403 when not allowed (also `passport=1` from someone
 * who may not read passport details), 422 for bad filters (in words), else the file.
 */
export async function registrationsCsvResponse(
  db: Db,
  actor: Actor | null,
  slug: string,
  searchParams: URLSearchParams,
  /** The language a 422's field messages are worded in. */
  locale: Locale = 'en',
  /** What `passport=1` adds (lib/visa/passport-export.ts, given by the route); without it the option is refused. */
  passportColumns?: ExtraCsvColumns,
): Promise<Response> {
  const noStore = { 'cache-control': 'no-store' };
  try {
    const parsed = filtersFromSearchParams(searchParams);
    if (!parsed.success) {
      // Authorization still comes first: a stranger learns nothing, not even that a filter is wrong.
      await scopedEvent(db, actor, slug, READERS);
      return errorResponse(invalid(fieldWords(fieldErrors(parsed.error), locale)), noStore);
    }
    // Passport details only when asked for by name (`passport=1`), never by default (export.ts).
    const askedPassport = searchParams.get('passport') === '1';
    if (askedPassport && !passportColumns) {
      await scopedEvent(db, actor, slug, READERS);
      throw new AuthorizationError('forbidden');
    }
    const csv = await exportRegistrationsCsv(db, actor, slug, parsed.data, askedPassport ? { extra: passportColumns } : {});
    return csvDownload({ filename: csv.filename, body: csv.stream });
  } catch (error) {
    return errorResponse(authorizationFailure(error), noStore);
  }
}
