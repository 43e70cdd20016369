import type { Db } from '@/db/types';
import { publishedProgramme, sessionsJsonBody } from '@/lib/agenda/sessions-snapshot';
import { failureAnswer } from '@/lib/errors/http';
import { invalid, notFound } from '@/lib/errors/result';
import { localeFromAcceptLanguage } from '@/lib/i18n/locales';
import { fieldErrors } from '@/lib/validation/field-errors';
import { fieldWords } from '@/lib/validation/field-words';
import { vmsg } from '@/lib/validation/message';
import { sessionJson } from './serialize';
import { sessionQuerySchema } from './session-query';

/** A JSON answer: its status, its body and any headers of its own (Retry-After). */
export type JsonAnswer = { status: number; body: string; headers: Record<string, string> };

/**
 * GET /api/v1/events/{slug}/sessions: sessions with seats left; ?venue= gives that venue's programme,
 * relays included. Answered from the snapshot of the published programme
 * (lib/agenda/sessions-snapshot.ts), seats left read live. One answer for the route and the app
 * server's fast path (lib/server/sessions-json.ts).
 */
export async function sessionsAnswer(db: Db, slug: string, query: URLSearchParams, acceptLanguage: string | null): Promise<JsonAnswer> {
  // Field messages are keys (lib/validation/message.ts): the answer words them in the caller's language.
  const locale = localeFromAcceptLanguage(acceptLanguage);
  const parsed = sessionQuerySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) {
    const fields = fieldWords(fieldErrors(parsed.error), locale);
    const unknown = parsed.error.issues.find((i) => i.code === 'unrecognized_keys');
    return failureAnswer({
      ...invalid(fields),
      error: unknown ? `unknown query parameter: ${(unknown as { keys: string[] }).keys.join(', ')}` : 'invalid query',
    });
  }
  const agenda = await publishedProgramme(slug);
  if (!agenda) return failureAnswer(notFound('No such forum'));
  const filter = parsed.data;
  if (filter.venue && !agenda.venues.some((v) => v.slug === filter.venue))
    return failureAnswer(invalid(fieldWords({ venue: vmsg('venueNotOnSite') }, locale)));
  const body = await sessionsJsonBody(db, slug, filter, sessionJson);
  if (body === undefined) return failureAnswer(notFound('No such forum'));
  return { status: 200, body, headers: {} };
}
