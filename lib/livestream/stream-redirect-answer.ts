import type { Db } from '@/db/types';
import { streamDestination } from './entitlement';
import { verifyStreamRedirect } from './stream-redirect';

/** What a stream redirect's answer carries besides the API's own headers: it is personal and leads off-site. */
export const STREAM_ANSWER_HEADERS = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' };

export type StreamRedirectAnswer = { status: 302; location: string } | { status: 403 | 410; error: string };

/**
 * How a join page's short-lived signed link is answered: to the stream if the registration is still
 * entitled at `now`, else refused in words. One answer for the route (app/api/v1/stream) and the app
 * server's fast path (lib/server/stream-redirects.ts).
 */
export async function streamRedirectAnswer(db: Db, token: string, now = new Date()): Promise<StreamRedirectAnswer> {
  const check = verifyStreamRedirect(token, now);
  if (!check.ok)
    return check.reason === 'expired'
      ? { status: 410, error: 'This link has expired. Open the join page again.' }
      : { status: 403, error: 'This link is not valid.' };
  const { registrationId, sessionId, target, channel } = check.redirect;
  const destination = await streamDestination(db, registrationId, sessionId, target, now, channel);
  if (!destination) return { status: 403, error: 'This stream is not open to this registration now.' };
  return { status: 302, location: destination };
}
