import type { z } from 'zod';
import { errorResponse } from '@/lib/errors/http';
import { invalid } from '@/lib/errors/result';
import { localeFromAcceptLanguage } from '@/lib/i18n/locales';
import { fieldErrors } from '@/lib/validation/field-errors';
import { fieldWords } from '@/lib/validation/field-words';

/**
 * The 422 answer to a query the schema refused, as the sessions list answers it: each field's
 * problem in words of the caller's language (Accept-Language), and an unknown parameter named.
 */
export function queryErrorResponse(request: Request, error: z.ZodError): Response {
  const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
  const unknown = error.issues.find((i) => i.code === 'unrecognized_keys');
  return errorResponse({
    ...invalid(fieldWords(fieldErrors(error), locale)),
    error: unknown ? `unknown query parameter: ${(unknown as { keys: string[] }).keys.join(', ')}` : 'invalid query',
  });
}

/** The address's query as an object, for a strict schema. */
export const queryOf = (request: Request) => Object.fromEntries(new URL(request.url).searchParams);
