import type { Db } from '@/db/types';
import { log } from '@/lib/observability/log';
import { whenStopping } from '@/lib/server/shutdown';
import { viewerStillAllowed, type LiveViewer } from './access';
import { pollUpdate } from './polls';
import { type QuestionRead, readQuestion, type Viewer, viewQuestion } from './questions';
import { presence } from './presence';
import { roomFeed } from './room-feed';
import { roomState } from './room';

/** How often a stream checks its viewer is still allowed (a cancelled registration, a revoked stage link). */
export const RECHECK_MS = 60_000;

export function questionViewer(viewer: LiveViewer): Viewer {
  return viewer.kind === 'attendee' ? { kind: 'attendee', registrationId: viewer.subjectId } : { kind: viewer.kind };
}

/** How long a read for one event is kept for the other streams rendering that event. */
const SHARED_READ_MS = 5_000;
const sharedReads = new Map<string, Promise<unknown>>();

/**
 * What an event names (its question, or the room's state), read once for every stream of this
 * instance that renders the event: a room's 2,000 viewers cost one read per event, not 2,000
 * (bench/live-fanout.ts). The first read starts after the event committed (a stream renders only
 * events it has read back), so it shows the subject as of that event or later; a later change is a
 * later event with a read of its own.
 */
function sharedRead<T>(sessionId: string, event: { id: number; kind: string }, read: () => Promise<T>): Promise<T> {
  const key = `${sessionId}:${event.id}:${event.kind}`;
  let shared = sharedReads.get(key) as Promise<T> | undefined;
  if (!shared) {
    shared = read();
    sharedReads.set(key, shared);
    setTimeout(() => sharedReads.delete(key), SHARED_READ_MS).unref();
    shared.catch(() => sharedReads.delete(key));
  }
  return shared;
}

/** One event of a room as this viewer sees it now: `id:`, `event:` and `data:` lines of Server-Sent Events. */
export async function renderEvent(
  db: Db,
  viewer: LiveViewer,
  event: { id: number; kind: string; subjectId: string | null },
): Promise<string> {
  let data: unknown;
  if (event.kind === 'question')
    data = viewQuestion(
      await sharedRead<QuestionRead>(viewer.sessionId, event, () => readQuestion(db, event.subjectId!)),
      event.subjectId!,
      questionViewer(viewer),
    );
  else if (event.kind === 'poll') data = await pollUpdate(db, event.subjectId!, viewer.kind === 'attendee' ? viewer.subjectId : null);
  else data = await sharedRead(viewer.sessionId, event, () => roomState(db, viewer.sessionId));
  return `id: ${event.id}\nevent: ${event.kind}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** One encoder for every stream: it holds no state between calls. */
const encoder = new TextEncoder();

/**
 * A room's live events for one viewer, from the one after `after` on, as a Server-Sent Events body.
 * It joins its room's feed (lib/live/room-feed.ts) and waits for the feed to listen before it reads,
 * so nothing committed between the read and the listen is missed; each notification (or a lost
 * listening connection, or the heartbeat) makes it read the events after the last one it sent, in
 * order, so it sends every id once. A reconnecting browser sends the last id it got as Last-Event-ID,
 * on this instance or another, and continues from there.
 */
export function liveEventStream(
  db: Db,
  viewer: LiveViewer,
  after: number,
  signal?: AbortSignal,
  /** Called once when the stream ends, however it ends. */
  onEnd?: () => void,
): ReadableStream<Uint8Array> {
  let last = after;
  let closed = false;
  let pumping = false;
  let again = false;
  const cleanups: (() => void)[] = onEnd ? [onEnd] : [];
  const cleanUp = () => {
    closed = true;
    for (const cleanup of cleanups.splice(0)) cleanup();
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const close = () => {
        if (closed) return;
        cleanUp();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const feed = roomFeed(db, viewer.sessionId);
      const pump = () => {
        if (closed) return;
        if (pumping) {
          again = true;
          return;
        }
        pumping = true;
        (async () => {
          do {
            again = false;
            const events = await feed.read(last);
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
            pumping = false;
          });
      };
      cleanups.push(
        feed.join({
          pump,
          beat: () => {
            send(': ping\n\n');
            pump();
          },
        }),
      );
      // Attendees count as viewers of the session (the organiser's dashboard) while connected.
      if (viewer.kind === 'attendee') cleanups.push(presence(db).join(viewer.sessionId));
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
      cleanups.push(() => clearInterval(recheck));
      if (signal) {
        signal.addEventListener('abort', close, { once: true });
        cleanups.push(() => signal.removeEventListener('abort', close));
      }
      // The instance is stopping: end the stream, so the browser reconnects (to this instance once it
      // is back, or to another) and resumes after its Last-Event-ID.
      cleanups.push(whenStopping(close));
      // Browsers wait this long before reconnecting after the stream ends (an instance going away).
      send('retry: 1000\n\n');
      feed.listening.then(pump, pump);
    },
    cancel: cleanUp,
  });
}
