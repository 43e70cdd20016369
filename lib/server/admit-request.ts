import type http from 'node:http';
import type { HeldBodyRequest } from './held-body-request';
import { actionRefusal, addressRefusal, bodyLimit, isServerActionRequest, refuse, tooLarge } from './request-guard';

/** Whether the request announces a body (a length over 0, or chunks). */
export function hasBody(request: http.IncomingMessage): boolean {
  return Boolean(request.headers['transfer-encoding']) || Number(request.headers['content-length'] ?? 0) > 0;
}

/**
 * Refuses what Next.js would answer with a 500 or buffer whole: a broken address, a body over the
 * limit (declared or counted as it arrives), a malformed or foreign server action. Whatever passes
 * reaches Next.js with its body already received and checked. Runs synchronously up to holdBody, so
 * no body byte arrives before it is counted. The server must create its requests as HeldBodyRequest.
 */
export async function admit(request: HeldBodyRequest, response: http.ServerResponse): Promise<boolean> {
  const pathname = (request.url ?? '/').split('?')[0]!;
  const badAddress = addressRefusal(pathname);
  const limit = bodyLimit(pathname);
  if (badAddress || Number(request.headers['content-length'] ?? 0) > limit) {
    request.dropBody();
    refuse(response, pathname, badAddress ?? tooLarge(limit));
    return false;
  }
  const withBody = hasBody(request);
  const held = withBody ? await request.holdBody(limit) : ({ ok: true, body: Buffer.alloc(0) } as const);
  if (!held.ok) {
    if (held.reason === 'too-large') {
      request.dropBody();
      refuse(response, pathname, tooLarge(limit));
    }
    return false;
  }
  const refusal = isServerActionRequest(request, pathname) ? await actionRefusal(request, held.body) : null;
  if (refusal) {
    request.dropBody();
    refuse(response, pathname, refusal);
    return false;
  }
  if (withBody) request.releaseBody(held.body);
  return true;
}
