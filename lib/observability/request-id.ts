import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The id that ties a request's log lines, its outbox rows and their SMTP sends together. A load
 * balancer's own id (nginx's $request_id) is kept when it looks like one, so its access log and ours
 * agree; anything else a client sends is replaced, so nobody can plant text in our logs.
 */
export function requestIdFor(offered: string | string[] | undefined): string {
  const value = Array.isArray(offered) ? offered[0] : offered;
  return value && /^[A-Za-z0-9._-]{8,64}$/.test(value) ? value : randomUUID();
}
