import type { Db } from '@/db/types';
import { readLiveToken, viewerStillAllowed } from './access';
import { liveEventStream } from './stream';
import { takeStreamPlace } from './stream-places';

const privateHeaders = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' };

/** Where a reconnecting client left off: the Last-Event-ID header (EventSource sends it), else `?after=`. */
export function resumeAfter(lastEventIdHeader: string | null, afterQuery: string | null): number {
  const value = lastEventIdHeader ?? afterQuery ?? '0';
  return /^\d{1,15}$/.test(value) ? Number(value) : 0;
}

/**
 * The answer to a live room's event-stream request: the room's events as Server-Sent Events for the
 * viewer the short-lived token names (an attendee's, a moderator's or a stage display's), resuming
 * after `after`; a 410 for an expired token, a 403 for a forged one or a viewer no longer allowed, a
 * 429 for an attendee who already has every stream place (lib/live/stream-places.ts).
 * The Next.js route and the server's own path (lib/live/events-node.ts) both answer with it.
 */
export async function liveEventsResponse(db: Db, token: string, after: number, signal?: AbortSignal): Promise<Response> {
  const read = readLiveToken(token);
  if (!read.ok) {
    const status = read.reason === 'expired' ? 410 : 403;
    return Response.json(
      { error: read.reason === 'expired' ? 'This page has expired. Reload it.' : 'This link is not valid.' },
      { status, headers: privateHeaders },
    );
  }
  if (!(await viewerStillAllowed(db, read.viewer)))
    return Response.json({ error: 'This live room is not open to you.' }, { status: 403, headers: privateHeaders });
  const release = takeStreamPlace(read.viewer);
  if (!release)
    return Response.json(
      { error: 'This live room is open in too many windows. Close one, then reload.' },
      { status: 429, headers: { ...privateHeaders, 'Retry-After': '30' } },
    );
  return new Response(liveEventStream(db, read.viewer, after, signal, release), {
    headers: { ...privateHeaders, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' },
  });
}
