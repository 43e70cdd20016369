import { NextResponse } from 'next/server';
import { eventRoute } from '@/lib/edge/route';
import { errorResponse } from '@/lib/errors/http';
import { readJsonBody } from '@/lib/http/json-body';
import { submitRegistration } from '@/lib/registration/submit-registration';
import { translateFields } from '@/lib/validation/translate-validation';
import { localeFromAcceptLanguage } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import type { PlainMessages } from '@/lib/i18n/plain-translator';

export const dynamic = 'force-dynamic';

export const POST = eventRoute({ rateLimit: 'registration' }, async ({ request, db, slug }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse({ ...body, fields: { body: body.error } });
  const result = await submitRegistration(db, slug, body.value);
  if (!result.ok && result.fields) {
    // Field messages are keys (lib/validation/message.ts): the answer words them in the caller's language.
    const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
    const fields = translateFields(result.fields, loadMessages(locale).validation as PlainMessages);
    const [field, text] = Object.entries(fields)[0] ?? ['body', ''];
    return errorResponse({ ...result, error: `${field}: ${text}`, fields });
  }
  if (!result.ok) return errorResponse(result);
  return NextResponse.json(result.receipt, { status: 201 });
});
