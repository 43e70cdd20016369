import type http from 'node:http';
import { getDb } from '@/lib/database/process-database';
import { log } from '@/lib/observability/log';
import { liveEventsResponse, resumeAfter } from './events-response';

const LIVE_EVENTS_PATH = /^\/api\/v1\/live\/([^/?#]+)\/events(?:\?|$)/;

/** What every API answer carries (next.config.js `headers`), which Next.js adds to the route's. */
const apiHeaders = { 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' };

/**
 * Answers a live room's event-stream request on the server itself, not through Next.js, and returns
 * whether it did (false: not that address). Next.js keeps a request's whole rendering state (work
 * stores, two incremental caches, ~150 closures, ~100 promises) for as long as its response streams:
 * about 82 KB of heap per open stream, which put an instance with the default 192 MB heap down near
 * 1,400 viewers. Here a stream holds the socket, the response and its own reading state.
 */
export async function serveLiveEvents(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
  if (request.method !== 'GET') return false;
  const match = LIVE_EVENTS_PATH.exec(request.url ?? '');
  if (!match) return false;
  let token: string;
  try {
    token = decodeURIComponent(match[1]!);
  } catch {
    return false;
  }
  const query = new URLSearchParams((request.url ?? '').split('?')[1] ?? '');
  const lastEventId = request.headers['last-event-id'];
  const ended = new AbortController();
  response.once('close', () => ended.abort());
  let answer: Response;
  try {
    answer = await liveEventsResponse(
      await getDb(),
      token,
      resumeAfter(typeof lastEventId === 'string' ? lastEventId : null, query.get('after')),
      ended.signal,
    );
  } catch (error) {
    // The database did not answer the entitlement check: the browser retries (EventSource reconnects).
    log().warn({ err: error }, 'live stream: opening failed');
    if (!response.headersSent) response.writeHead(503, { ...apiHeaders, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify({ error: 'The live room is not available right now.' }));
    return true;
  }
  response.writeHead(answer.status, { ...apiHeaders, ...Object.fromEntries(answer.headers) });
  if (!answer.body) {
    response.end();
    return true;
  }
  if (answer.headers.get('content-type')?.startsWith('text/event-stream')) response.flushHeaders();
  const reader = answer.body.getReader();
  ended.signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || response.destroyed) break;
      if (!response.write(value)) await new Promise((resolve) => response.once('drain', resolve).once('close', resolve));
    }
  } catch {
    // the stream failed or was cancelled: end the answer
  }
  response.end();
  return true;
}
