import { route } from '@/lib/edge/route';
import { liveEventsResponse, resumeAfter } from '@/lib/live/events-response';

export const dynamic = 'force-dynamic';

/**
 * A live room's events as Server-Sent Events, for the page that holds this short-lived token. Resumes
 * after Last-Event-ID. The production server answers this address itself (lib/live/events-node.ts);
 * this route serves `next dev` and the tests that call it directly.
 */
export const GET = route<{ token: string }>(async ({ request, params, db }) =>
  liveEventsResponse(
    db,
    params.token,
    resumeAfter(request.headers.get('last-event-id'), new URL(request.url).searchParams.get('after')),
    request.signal,
  ),
);
