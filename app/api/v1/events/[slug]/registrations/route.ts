import { NextResponse } from 'next/server';
import { eventRoute } from '@/lib/edge/route';
import { errorResponse } from '@/lib/errors/http';
import { readJsonBody } from '@/lib/http/json-body';
import { submitRegistration } from '@/lib/registration/submit-registration';

export const dynamic = 'force-dynamic';

export const POST = eventRoute({ rateLimit: 'registration' }, async ({ request, db, slug }) => {
  const body = await readJsonBody(request);
  if (!body.ok) return errorResponse({ ...body, fields: { body: body.error } });
  const result = await submitRegistration(db, slug, body.value);
  if (!result.ok) return errorResponse(result);
  return NextResponse.json(result.receipt, { status: 201 });
});
