import { jsonAnswerResponse } from '@/lib/api/json-answer';
import { sessionsAnswer } from '@/lib/api/sessions-answer';
import { route } from '@/lib/edge/route';

export const dynamic = 'force-dynamic';

/** Sessions with seats left (lib/api/sessions-answer.ts); the production server answers it before Next.js does. */
export const GET = route<{ slug: string }>(async ({ request, params, db }) =>
  jsonAnswerResponse(await sessionsAnswer(db, params.slug, new URL(request.url).searchParams, request.headers.get('accept-language'))),
);
