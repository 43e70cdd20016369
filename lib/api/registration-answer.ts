import { failureAnswer } from '@/lib/errors/http';
import type { Result } from '@/lib/errors/result';
import { eventSlug } from '@/lib/edge/context';
import { overLimit } from '@/lib/edge/rate-limits';
import { getDb } from '@/lib/database/process-database';
import type { HeaderReader } from '@/lib/http/json-body';
import { localeFromAcceptLanguage } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import type { PlainMessages } from '@/lib/i18n/plain-translator';
import { submitRegistration } from '@/lib/registration/submit-registration';
import { translateFields } from '@/lib/validation/translate-validation';
import type { JsonAnswer } from './sessions-answer';

export type RegistrationRequest = {
  /** The address's `{slug}`, as given. */
  slug: string;
  headers: HeaderReader;
  /** The JSON body, read and checked (lib/http/json-body.ts) once the limit and the slug have passed. */
  body: () => Promise<Result<{ value: unknown }>> | Result<{ value: unknown }>;
};

/**
 * POST /api/v1/events/{slug}/registrations: the rate limit first (it counts refused requests too),
 * then the slug, the body and the registration; a receipt (201) or why not. One answer for the route
 * and the app server's fast path (lib/server/registrations.ts), which the registration rush meets.
 */
export async function registrationAnswer(request: RegistrationRequest): Promise<JsonAnswer> {
  const limited = await overLimit('registration', request.headers);
  if (limited) return failureAnswer(limited);
  const slug = eventSlug(request.slug);
  if (!slug.ok) return failureAnswer(slug);
  const body = await request.body();
  if (!body.ok) return failureAnswer({ ...body, fields: { body: body.error } });
  const result = await submitRegistration(await getDb(), slug.slug, body.value);
  if (!result.ok && result.fields) {
    // Field messages are keys (lib/validation/message.ts): the answer words them in the caller's language.
    const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
    const fields = translateFields(result.fields, loadMessages(locale).validation as PlainMessages);
    const [field, text] = Object.entries(fields)[0] ?? ['body', ''];
    return failureAnswer({ ...result, error: `${field}: ${text}`, fields });
  }
  if (!result.ok) return failureAnswer(result);
  return { status: 201, body: JSON.stringify(result.receipt), headers: {} };
}
