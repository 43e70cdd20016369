import { createHash } from 'node:crypto';
import type { JoinView } from './join-view';
import { streamRedirectPath, verifyStreamRedirect, type StreamRedirect } from './stream-redirect';

/**
 * A join page shared between the registrants who see the same page: rendered once for one of them
 * (the shell), then filled in with each other registrant's own values. What differs between two such
 * pages is only the join token (in the address the page names) and the signed stream redirects
 * (registration, expiry, signature); everything else (the session, the state, the channel, the
 * language, the viewer's zone) is in the shape key, and the registration itself is on no page.
 */
export type Entitled = Extract<JoinView, { state: 'before' | 'live' | 'ended' }>;

const STREAM_PATH = /\/api\/v1\/stream\/([A-Za-z0-9_.-]+)/g;

/**
 * What makes two join pages the same page for two registrants: the language, the address's form
 * (with or without a language) and its query as sent (Next.js writes both into the page's payload),
 * the state and channels,
 * and every field of the session, event and venue the page shows. A programme edit changes the key.
 */
export function shapeKey(view: Entitled, request: { locale: string; variant: string }): string {
  const { session, event, origin } = view.entitlement;
  const shown = JSON.stringify([
    request.locale,
    request.variant,
    view.state,
    view.selected?.channel ?? null,
    view.channels.map((c) => [c.channel, c.player]),
    view.openPath ? 1 : 0,
    session.id,
    session.title,
    session.startsAt.getTime(),
    session.endsAt.getTime(),
    session.status,
    event.id,
    event.name,
    origin.id,
    origin.city,
    origin.timeZone,
  ]);
  return createHash('sha256').update(shown).digest('base64url');
}

/** A registrant's own values on a page: their join token and the stream redirects it links to, by target. */
export type PersonalValues = { token: string; registrationId: string; redirects: Map<string, string> };

/** The signed redirects a rendered page links to, by target part (`live`, `live-zh`, `recording`). */
export function redirectsIn(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, signed] of html.matchAll(STREAM_PATH)) {
    const target = signed!.split('.')[2];
    if (target) found.set(target, `/api/v1/stream/${signed}`);
  }
  return found;
}

/** Fresh redirects for another registrant, one for each target the shell links to. */
export function redirectsFor(
  shell: Map<string, string>,
  ids: { registrationId: string; sessionId: string },
  now: Date,
): Map<string, string> {
  const fresh = new Map<string, string>();
  for (const [target, path] of shell) {
    const check = verifyStreamRedirect(path.slice('/api/v1/stream/'.length), new Date(0));
    if (!check.ok) throw new Error('the shell links to a redirect this server did not sign');
    const redirect: StreamRedirect = { ...check.redirect, ...ids };
    fresh.set(target, streamRedirectPath(redirect, now));
  }
  return fresh;
}

/**
 * The shell with `from`'s values replaced by `to`'s, or null when the result would still carry
 * anything of `from`'s (a value the page wrote in another form than the one replaced): then this page
 * cannot be shared and must be rendered for its registrant.
 */
export function fillShell(shell: string, from: PersonalValues, to: PersonalValues): string | null {
  if (from.redirects.size !== to.redirects.size) return null;
  let page = shell.split(from.token).join(to.token);
  for (const [target, path] of from.redirects) {
    const own = to.redirects.get(target);
    if (!own) return null;
    page = page.split(path).join(own);
  }
  if (from.registrationId !== to.registrationId && page.includes(from.registrationId)) return null;
  return page;
}
