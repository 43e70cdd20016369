import { SLUG } from '@/lib/validation/common';

/**
 * The address of an event's public programme, in one place: links, the proxy's rewrite of filtered
 * programme URLs, the server's fast path and cache drops all go by it. No locale prefix: the visitor's
 * language is a cookie.
 */
export function programmePath(eventSlug: string): string {
  return `/events/${eventSlug}/agenda`;
}

const PROGRAMME_PATH = /^\/events\/([^/?#]+)\/agenda$/;

/** Whether a path without a query string is an event's programme (exactly; no trailing slash). */
export function isProgrammePath(path: string): boolean {
  return PROGRAMME_PATH.test(path);
}

/**
 * The event slug a programme path names, however it is percent-encoded (`china%2Dasean…` and
 * `%63hina-asean…` are the same event), or null when it names no possible event. One event, one
 * spelling: whatever is kept per programme is kept under this, never under the path as sent.
 */
export function programmeSlug(path: string): string | null {
  const segment = PROGRAMME_PATH.exec(path)?.[1];
  if (segment === undefined) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return SLUG.test(slug) ? slug : null;
}
