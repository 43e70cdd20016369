import { route } from '@/lib/edge/route';
import { readLiveToken, viewerStillAllowed } from '@/lib/live/access';
import { liveEventStream, resumeFrom } from '@/lib/live/stream';

export const dynamic = 'force-dynamic';

const privateHeaders = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' };

/**
 * A live room's events as Server-Sent Events, for the page that holds this short-lived token (an
 * attendee's, a moderator's or a stage display's). Resumes after Last-Event-ID.
 */
export const GET = route<{ token: string }>(async ({ request, params, db }) => {
  const read = readLiveToken(params.token);
  if (!read.ok) {
    const status = read.reason === 'expired' ? 410 : 403;
    return Response.json(
      { error: read.reason === 'expired' ? 'This page has expired. Reload it.' : 'This link is not valid.' },
      { status, headers: privateHeaders },
    );
  }
  if (!(await viewerStillAllowed(db, read.viewer)))
    return Response.json({ error: 'This live room is not open to you.' }, { status: 403, headers: privateHeaders });
  return new Response(liveEventStream(db, read.viewer, resumeFrom(request), request.signal), {
    headers: { ...privateHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' },
  });
});
