import { AsyncLocalStorage } from 'node:async_hooks';
import { REQUEST_ID_HEADER } from './request-id';

/** Requests the app server answers itself, outside Next.js (lib/server/registrations.ts). */
const ownRequests = new AsyncLocalStorage<string>();

/** Runs `answer` as the handling of the request with this id, for the app server's own answers. */
export function withRequestId<T>(requestId: string, answer: () => T): T {
  return ownRequests.run(requestId, answer);
}

/** The id the app's server gave the request being handled (lib/observability/request-id.ts), or null outside a request. */
export async function currentRequestId(): Promise<string | null> {
  const own = ownRequests.getStore();
  if (own !== undefined) return own;
  try {
    // Loaded when asked: the app server's own bundle, which answers some requests itself, holds no Next.js request.
    const { headers } = await import('next/headers');
    return (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    return null;
  }
}
