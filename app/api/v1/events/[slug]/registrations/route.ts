import { NextResponse } from 'next/server';
import { getDb } from '@/lib/database/process-database';
import { readJsonBody } from '@/lib/http/json-body';
import { submitRegistration } from '@/lib/registration/submit-registration';
import { clientKey, registrationLimiter } from '@/lib/security/rate-limit';
import { slugSchema } from '@/lib/validation/common';
import { translateFields } from '@/lib/validation/translate-validation';
import { localeFromAcceptLanguage } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import type { PlainMessages } from '@/lib/i18n/plain-translator';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const limit = registrationLimiter().check(clientKey(request.headers));
  if (!limit.allowed) {
    return NextResponse.json(
      { error: 'Too many requests; try again later' },
      { status: 429, headers: { 'Retry-After': String(limit.retryAfterSeconds) } },
    );
  }
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) return NextResponse.json({ error: 'No such forum' }, { status: 404 });
  const body = await readJsonBody(request);
  if (!body.ok) return NextResponse.json({ error: body.error, fields: { body: body.error } }, { status: body.status });
  const result = await submitRegistration(await getDb(), slug.data, body.value);
  if (!result.ok && result.fields) {
    // Field messages are keys (lib/validation/message.ts): the answer words them in the caller's language.
    const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
    const fields = translateFields(result.fields, loadMessages(locale).validation as PlainMessages);
    const [field, text] = Object.entries(fields)[0] ?? ['body', ''];
    return NextResponse.json({ error: `${field}: ${text}`, fields }, { status: result.status });
  }
  if (!result.ok) return NextResponse.json({ error: result.error }, { status: result.status });
  return NextResponse.json(result.receipt, { status: 201 });
}
