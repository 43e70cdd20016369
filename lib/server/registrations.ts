import type http from 'node:http';
import { registrationAnswer } from '@/lib/api/registration-answer';
import { jsonBodyFromBytes, type HeaderReader } from '@/lib/http/json-body';
import { PAGE_CACHE_HEADER } from '@/lib/http/page-cache-header';
import { log } from '@/lib/observability/log';
import { withRequestId } from '@/lib/observability/request-context';
import { REQUEST_ID_HEADER } from '@/lib/observability/request-id';
import { API_HEADERS } from './api-headers';
import type { HeldBodyRequest } from './held-body-request';

const REGISTRATIONS_PATH = /^\/api\/v1\/events\/([^/?#]+)\/registrations(?:\?[^#]*)?$/;

/**
 * Answers a registration (POST /api/v1/events/{slug}/registrations) on the server itself, not through
 * Next.js, and returns whether it did (false: not that address, or a request for Next.js itself). In
 * the minute registration opens this is the request that counts, and Next.js's routing around it
 * cost about as much CPU as the registration (bench/README.md). The answer is the route's
 * (app/api/v1/events/[slug]/registrations/route.ts), from the same function; the body is the one
 * lib/server/admit-request.ts has already received and held to its limit.
 */
export async function serveRegistration(request: HeldBodyRequest, response: http.ServerResponse): Promise<boolean> {
  if (request.method !== 'POST' || request.headers[PAGE_CACHE_HEADER]) return false;
  const match = REGISTRATIONS_PATH.exec(request.url ?? '');
  if (!match) return false;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!);
  } catch {
    return false;
  }
  const headers = nodeHeaders(request.headers);
  // Set by the server for every request (scripts/serve.ts); the registration's log line and mail carry it.
  const requestId = String(request.headers[REQUEST_ID_HEADER]);
  try {
    const answer = await withRequestId(requestId, () =>
      registrationAnswer({ slug, headers, body: () => jsonBodyFromBytes(headers, request.receivedBody ?? new Uint8Array()) }),
    );
    const body = Buffer.from(answer.body);
    response.writeHead(answer.status, {
      ...API_HEADERS,
      'Content-Type': 'application/json',
      [PAGE_CACHE_HEADER]: 'DIRECT',
      ...answer.headers,
      'Content-Length': body.length,
    });
    response.end(body);
  } catch (error) {
    log().error({ err: error, requestId }, 'registration: not taken');
    response.writeHead(503, { ...API_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Retry-After': '2' });
    response.end(JSON.stringify({ error: 'The registration could not be taken right now. Try again in a moment.' }));
  }
  return true;
}

/** A Node request's headers read as a WHATWG Headers would be: one value per name, repeats joined. */
function nodeHeaders(headers: http.IncomingHttpHeaders): HeaderReader {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}
