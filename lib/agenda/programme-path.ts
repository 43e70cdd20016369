/**
 * The address of an event's public programme, in one place: links, the proxy's rewrite of filtered
 * programme URLs, the server's fast path and cache drops all go by it. No locale prefix: the visitor's
 * language is a cookie.
 */
export function programmePath(eventSlug: string): string {
  return `/events/${eventSlug}/agenda`;
}

const PROGRAMME_PATH = /^\/events\/[^/?#]+\/agenda$/;

/** Whether a path without a query string is an event's programme (exactly; no trailing slash). */
export function isProgrammePath(path: string): boolean {
  return PROGRAMME_PATH.test(path);
}
