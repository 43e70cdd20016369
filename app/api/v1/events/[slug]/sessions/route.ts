import { publishedProgramme, sessionsJsonBody } from '@/lib/agenda/sessions-snapshot';
import { sessionJson } from '@/lib/api/serialize';
import { sessionQuerySchema } from '@/lib/api/session-query';
import { route } from '@/lib/edge/route';
import { errorResponse } from '@/lib/errors/http';
import { invalid, notFound } from '@/lib/errors/result';
import { localeFromAcceptLanguage } from '@/lib/i18n/locales';
import { fieldErrors } from '@/lib/validation/field-errors';
import { fieldWords } from '@/lib/validation/field-words';
import { vmsg } from '@/lib/validation/message';

export const dynamic = 'force-dynamic';

/**
 * Sessions with seats left; ?venue= gives that venue's programme, relays included. Answered from the
 * snapshot of the published programme (lib/agenda/sessions-snapshot.ts), seats left read live.
 */
export const GET = route<{ slug: string }>(async ({ request, params, db }) => {
  // Field messages are keys (lib/validation/message.ts): the answer words them in the caller's language.
  const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
  const parsed = sessionQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const fields = fieldWords(fieldErrors(parsed.error), locale);
    const unknown = parsed.error.issues.find((i) => i.code === 'unrecognized_keys');
    return errorResponse({
      ...invalid(fields),
      error: unknown ? `unknown query parameter: ${(unknown as { keys: string[] }).keys.join(', ')}` : 'invalid query',
    });
  }
  const agenda = await publishedProgramme(params.slug);
  if (!agenda) return errorResponse(notFound('No such forum'));
  const query = parsed.data;
  if (query.venue && !agenda.venues.some((v) => v.slug === query.venue))
    return errorResponse(invalid(fieldWords({ venue: vmsg('venueNotOnSite') }, locale)));
  const body = await sessionsJsonBody(db, params.slug, query, sessionJson);
  if (body === undefined) return errorResponse(notFound('No such forum'));
  return new Response(body, { headers: { 'content-type': 'application/json' } });
});
