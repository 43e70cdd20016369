import type http from 'node:http';
import { getDb } from '@/lib/database/process-database';
import { STREAM_ANSWER_HEADERS, streamRedirectAnswer } from '@/lib/livestream/stream-redirect-answer';
import { log } from '@/lib/observability/log';
import { API_HEADERS } from './api-headers';

const STREAM_PATH = /^\/api\/v1\/stream\/([^/?#]+)(?:\?|$)/;

/**
 * Answers a stream redirect (a join page's signed link) on the server itself, not through Next.js,
 * and returns whether it did (false: not that address). In a join storm every online registrant
 * follows one within a minute; the answer is a signature check and one database read, and Next.js's
 * routing around it cost about twice that in CPU. The answers are the route's
 * (app/api/v1/stream/[token]/route.ts), from the same function.
 */
export async function serveStreamRedirect(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const match = STREAM_PATH.exec(request.url ?? '');
  if (!match) return false;
  let token: string;
  try {
    token = decodeURIComponent(match[1]!);
  } catch {
    return false;
  }
  let body: string | undefined;
  try {
    const answer = await streamRedirectAnswer(await getDb(), token);
    if (answer.status === 302) response.writeHead(302, { ...API_HEADERS, ...STREAM_ANSWER_HEADERS, location: answer.location });
    else {
      body = JSON.stringify({ error: answer.error });
      response.writeHead(answer.status, { ...API_HEADERS, ...STREAM_ANSWER_HEADERS, 'Content-Type': 'application/json' });
    }
  } catch (error) {
    log().warn({ err: error }, 'stream redirect: the entitlement check failed');
    body = JSON.stringify({ error: 'The stream is not available right now. Try again in a moment.' });
    response.writeHead(503, { ...API_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Retry-After': '2' });
  }
  response.end(request.method === 'HEAD' ? undefined : body);
  return true;
}
