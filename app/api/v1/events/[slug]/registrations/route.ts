import { NextResponse } from 'next/server';
import { getDb } from '@/lib/database/process-database';
import { errorResponse } from '@/lib/errors/http';
import { notFound, rateLimited } from '@/lib/errors/result';
import { readJsonBody } from '@/lib/http/json-body';
import { submitRegistration } from '@/lib/registration/submit-registration';
import { clientKey, registrationLimiter } from '@/lib/security/rate-limit';
import { slugSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const limit = registrationLimiter().check(clientKey(request.headers));
  if (!limit.allowed) return errorResponse(rateLimited(limit.retryAfterSeconds));
  const slug = slugSchema.safeParse((await params).slug);
  if (!slug.success) return errorResponse(notFound('No such forum'));
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse({ ...body, fields: { body: body.error } });
  const result = await submitRegistration(await getDb(), slug.data, body.value);
  if (!result.ok) return errorResponse(result);
  return NextResponse.json(result.receipt, { status: 201 });
}
