import type http from 'node:http';
import zlib from 'node:zlib';
import { sessionsAnswer } from '@/lib/api/sessions-answer';
import { getDb } from '@/lib/database/process-database';
import { PAGE_CACHE_HEADER } from '@/lib/http/page-cache-header';
import { log } from '@/lib/observability/log';
import { API_HEADERS } from './api-headers';

const SESSIONS_PATH = /^\/api\/v1\/events\/([^/?#]+)\/sessions(?:\?([^#]*))?$/;
/** Next.js compresses answers from 1 KB (its `compression` middleware's threshold); so does this. */
const GZIP_FROM_BYTES = 1024;
/** Compressed answers kept, by address: an answer changes only when seats left or the programme do. */
const MAX_COMPRESSED = 64;

type Compressed = { body: string; gzip: Buffer };

/**
 * Answers the sessions JSON (GET /api/v1/events/{slug}/sessions) on the server itself, not through
 * Next.js, and returns whether it did (false: not that address, or a request for Next.js itself).
 * The answer is the route's (app/api/v1/events/[slug]/sessions/route.ts), from the same function:
 * the snapshot of the published programme with seats left read live. Next.js's routing around it
 * cost more CPU than the answer itself (bench/README.md). A gzipped answer is kept per address and
 * reused while its body is unchanged.
 */
export function sessionsJsonServer(): { serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> } {
  const compressed = new Map<string, Compressed>();

  function gzipOf(key: string, body: string): Buffer {
    const kept = compressed.get(key);
    if (kept?.body === body) return kept.gzip;
    const gzip = zlib.gzipSync(body);
    compressed.delete(key);
    if (compressed.size >= MAX_COMPRESSED) compressed.delete(compressed.keys().next().value!);
    compressed.set(key, { body, gzip });
    return gzip;
  }

  async function serve(request: http.IncomingMessage, response: http.ServerResponse): Promise<boolean> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    if (request.headers[PAGE_CACHE_HEADER]) return false;
    const url = request.url ?? '';
    const match = SESSIONS_PATH.exec(url);
    if (!match) return false;
    let slug: string;
    let query: URLSearchParams;
    try {
      slug = decodeURIComponent(match[1]!);
      query = new URLSearchParams(match[2] ?? '');
    } catch {
      return false;
    }
    const head = request.method === 'HEAD';
    try {
      const answer = await sessionsAnswer(await getDb(), slug, query, request.headers['accept-language'] ?? null);
      const headers: http.OutgoingHttpHeaders = {
        ...API_HEADERS,
        'Content-Type': 'application/json',
        [PAGE_CACHE_HEADER]: 'SNAPSHOT',
        ...answer.headers,
      };
      const bytes = Buffer.byteLength(answer.body);
      if (bytes < GZIP_FROM_BYTES) {
        response.writeHead(answer.status, { ...headers, 'Content-Length': bytes });
        response.end(head ? undefined : answer.body);
        return true;
      }
      headers.Vary = 'Accept-Encoding';
      if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        const gzip = gzipOf(url, answer.body);
        response.writeHead(answer.status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': gzip.length });
        response.end(head ? undefined : gzip);
      } else {
        response.writeHead(answer.status, { ...headers, 'Content-Length': bytes });
        response.end(head ? undefined : answer.body);
      }
    } catch (error) {
      log().warn({ err: error }, 'sessions JSON: the programme or its seats could not be read');
      response.writeHead(503, { ...API_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Retry-After': '2' });
      response.end(head ? undefined : JSON.stringify({ error: 'The programme is not available right now. Try again in a moment.' }));
    }
    return true;
  }

  return { serve };
}
