import { z } from 'zod';

/** A path on this site: starts with one slash, no scheme, host, backslash or whitespace. */
export const sitePathSchema = z
  .string()
  .max(2000)
  .regex(/^\/(?!\/)[^\s\\]*$/, 'must be a path on this site');

/**
 * Where the language switch returns to: the page it names, else the page it was clicked on (the
 * Referer, when it is this same site; cached pages link without naming themselves), else home.
 */
export function languageSwitchTarget(back: string | undefined, referer: string | null, host: string | null): string {
  if (back !== undefined) return back;
  if (!referer || !host) return '/';
  try {
    const from = new URL(referer);
    if (from.host !== host) return '/';
    const path = from.pathname + from.search;
    return sitePathSchema.safeParse(path).success ? path : '/';
  } catch {
    return '/';
  }
}
