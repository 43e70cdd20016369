import { mac, macMatches } from '@/lib/security/signing';
import { type Channel, isInterpretationLanguage } from './channels';

const PURPOSE = 'livestream-redirect';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const STREAM_REDIRECT_TTL_SECONDS = 120;

export type StreamTarget = 'live' | 'recording';
/** `channel` names an interpretation channel of a live stream; absent, the link leads to the floor. */
export type StreamRedirect = { registrationId: string; sessionId: string; target: StreamTarget; channel?: Exclude<Channel, 'floor'> };

/** The target part of a link: `live`, `recording`, or `live-<language>` for an interpretation channel. */
function targetPart(redirect: StreamRedirect): string {
  return redirect.target === 'live' && redirect.channel ? `live-${redirect.channel}` : redirect.target;
}

function readTarget(part: string): Pick<StreamRedirect, 'target' | 'channel'> | null {
  if (part === 'live' || part === 'recording') return { target: part };
  const channel = /^live-([a-z]{2})$/.exec(part)?.[1];
  return isInterpretationLanguage(channel) ? { target: 'live', channel } : null;
}

/**
 * A short-lived address that leads to the stream. The stream URL itself never reaches a page: the
 * join page links here, and this is checked again (signature, expiry, the registration still
 * entitled) when followed.
 */
export function streamRedirectPath(redirect: StreamRedirect, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + STREAM_REDIRECT_TTL_SECONDS;
  const payload = `${redirect.registrationId}.${redirect.sessionId}.${targetPart(redirect)}.${expires}`;
  return `/api/v1/stream/${payload}.${mac(PURPOSE, payload)}`;
}

export type RedirectCheck = { ok: true; redirect: StreamRedirect } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyStreamRedirect(token: string, now = new Date()): RedirectCheck {
  if (typeof token !== 'string' || token.length > 300) return { ok: false, reason: 'invalid' };
  const parts = token.split('.');
  if (parts.length !== 5) return { ok: false, reason: 'invalid' };
  const [registrationId, sessionId, target, expires, signature] = parts as [string, string, string, string, string];
  const read = readTarget(target);
  if (!UUID.test(registrationId) || !UUID.test(sessionId) || !read || !/^\d{1,12}$/.test(expires)) return { ok: false, reason: 'invalid' };
  if (!macMatches(PURPOSE, parts.slice(0, 4).join('.'), signature)) return { ok: false, reason: 'invalid' };
  if (Number(expires) * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, redirect: { registrationId, sessionId, ...read } };
}
