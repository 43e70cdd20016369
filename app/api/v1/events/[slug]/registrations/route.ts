import { NextResponse } from 'next/server';
import { getDb } from '@/lib/database/process-database';
import { readJsonBody } from '@/lib/http/json-body';
import { submitRegistration } from '@/lib/registration/submit-registration';
import { clientKey, registrationLimiter } from '@/lib/security/rate-limit';
import { slugSchema } from '@/lib/validation/common';

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
  if (!result.ok)
    return NextResponse.json({ error: result.error, ...(result.fields ? { fields: result.fields } : {}) }, { status: result.status });
  return NextResponse.json(result.receipt, { status: 201 });
}
