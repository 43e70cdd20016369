import { jsonAnswerResponse } from '@/lib/api/json-answer';
import { registrationAnswer } from '@/lib/api/registration-answer';
import { route } from '@/lib/edge/route';
import { readJsonBody } from '@/lib/http/json-body';

export const dynamic = 'force-dynamic';

/** Registers (lib/api/registration-answer.ts); the production server answers it before Next.js does. */
export const POST = route<{ slug: string }>(async ({ request, params }) =>
  jsonAnswerResponse(await registrationAnswer({ slug: params.slug, headers: request.headers, body: () => readJsonBody(request) })),
);
