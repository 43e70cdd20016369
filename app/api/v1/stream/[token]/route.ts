import { route } from '@/lib/edge/route';
import { STREAM_ANSWER_HEADERS, streamRedirectAnswer } from '@/lib/livestream/stream-redirect-answer';

export const dynamic = 'force-dynamic';

/**
 * Follows a join page's short-lived signed link to the stream, if the registration is still entitled.
 * The production server answers this address itself (lib/server/stream-redirects.ts); this route is
 * what `next dev` and the route tests use.
 */
export const GET = route<{ token: string }>(async ({ params, db }) => {
  const answer = await streamRedirectAnswer(db, params.token);
  if (answer.status === 302) return new Response(null, { status: 302, headers: { ...STREAM_ANSWER_HEADERS, Location: answer.location } });
  return Response.json({ error: answer.error }, { status: answer.status, headers: STREAM_ANSWER_HEADERS });
});
