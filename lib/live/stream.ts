import type { Db } from '@/db/types';
import { subscribe } from '@/lib/database/notify-hub';
import { log } from '@/lib/observability/log';
import { viewerStillAllowed, type LiveViewer } from './access';
import { eventsAfter, LIVE_CHANNEL } from './events';
import { pollUpdate } from './polls';
import { questionUpdate, type Viewer } from './questions';
import { presence } from './presence';
import { roomState } from './room';

/** How often an idle stream sends a comment (proxies close silent connections) and re-reads the room. */
export const HEARTBEAT_MS = 15_000;
/** How often a stream checks its viewer is still allowed (a cancelled registration, a revoked stage link). */
export const RECHECK_MS = 60_000;

export function questionViewer(viewer: LiveViewer): Viewer {
  return viewer.kind === 'attendee' ? { kind: 'attendee', registrationId: viewer.subjectId } : { kind: viewer.kind };
}

/** One event of a room as this viewer sees it now: `id:`, `event:` and `data:` lines of Server-Sent Events. */
export async function renderEvent(
  db: Db,
  viewer: LiveViewer,
  event: { id: number; kind: string; subjectId: string | null },
): Promise<string> {
  let data: unknown;
  if (event.kind === 'question') data = await questionUpdate(db, event.subjectId!, questionViewer(viewer));
  else if (event.kind === 'poll') data = await pollUpdate(db, event.subjectId!, viewer.kind === 'attendee' ? viewer.subjectId : null);
  else data = await roomState(db, viewer.sessionId);
  return `id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * A room's live events for one viewer, from the one after `after` on, as a Server-Sent Events body.
 * It listens before it reads, so nothing committed between the read and the listen is missed; each
 * notification (or a lost listening connection, or the heartbeat) makes it read the events after the
 * last one it sent, in order, so it sends every id once. A reconnecting browser sends the last id it
 * got as Last-Event-ID, on this instance or another, and continues from there.
 */
export function liveEventStream(db: Db, viewer: LiveViewer, after: number, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let last = after;
  let closed = false;
  let pumping: Promise<void> | null = null;
  let again = false;
  const cleanups: (() => void)[] = [];

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        closed = true;
        for (const cleanup of cleanups) cleanup();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const pump = () => {
        if (closed) return;
        if (pumping) {
          again = true;
          return;
        }
        pumping = (async () => {
          do {
            again = false;
            const events = await eventsAfter(db, viewer.sessionId, last);
            for (const event of events) {
              if (closed) return;
              send(await renderEvent(db, viewer, event));
              last = event.id;
            }
            if (events.length === 500) again = true;
          } while (again && !closed);
        })()
          .catch((error) => log().warn({ err: error }, 'live stream: reading events failed'))
          .finally(() => {
            pumping = null;
          });
      };
      const prefix = `${viewer.sessionId}:`;
      const unsubscribe = subscribe(LIVE_CHANNEL, (payload) => {
        if (payload === null || payload.startsWith(prefix)) pump();
      });
      cleanups.push(unsubscribe);
      // Attendees count as viewers of the session (the organiser's dashboard) while connected.
      if (viewer.kind === 'attendee') cleanups.push(presence(db).join(viewer.sessionId));
      const heartbeat = setInterval(() => {
        send(': ping\n\n');
        pump();
      }, HEARTBEAT_MS);
      const recheck = setInterval(() => {
        viewerStillAllowed(db, viewer)
          .then((allowed) => {
            if (!allowed) {
              send('event: refused\ndata: {}\n\n');
              close();
            }
          })
          .catch(() => {});
      }, RECHECK_MS);
      cleanups.push(
        () => clearInterval(heartbeat),
        () => clearInterval(recheck),
      );
      signal?.addEventListener('abort', close, { once: true });
      // Browsers wait this long before reconnecting after the stream ends (an instance going away).
      send('retry: 1000\n\n');
      unsubscribe.listening.then(pump, pump);
    },
    cancel() {
      closed = true;
      for (const cleanup of cleanups) cleanup();
    },
  });
}

/** Where a reconnecting client left off: the Last-Event-ID header (EventSource sends it), else `?after=`. */
export function resumeFrom(request: Request): number {
  const header = request.headers.get('last-event-id');
  const query = new URL(request.url).searchParams.get('after');
  const value = header ?? query ?? '0';
  return /^\d{1,15}$/.test(value) ? Number(value) : 0;
}
