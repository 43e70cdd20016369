import { mac, macMatches } from '@/lib/security/signing';

const PURPOSE = 'livestream-redirect';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const STREAM_REDIRECT_TTL_SECONDS = 120;

export type StreamTarget = 'live' | 'recording';
export type StreamRedirect = { registrationId: string; sessionId: string; target: StreamTarget };

/**
 * A short-lived address that leads to the stream. The stream URL itself never reaches a page: the
 * join page links here, and this is checked again (signature, expiry, the registration still
 * entitled) when followed.
 */
export function streamRedirectPath(redirect: StreamRedirect, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + STREAM_REDIRECT_TTL_SECONDS;
  const payload = `${redirect.registrationId}.${redirect.sessionId}.${redirect.target}.${expires}`;
  return `/api/v1/stream/${payload}.${mac(PURPOSE, payload)}`;
}

export type RedirectCheck = { ok: true; redirect: StreamRedirect } | { ok: false; reason: 'invalid' | 'expired' };

export function verifyStreamRedirect(token: string, now = new Date()): RedirectCheck {
  if (typeof token !== 'string' || token.length > 300) return { ok: false, reason: 'invalid' };
  const parts = token.split('.');
  if (parts.length !== 5) return { ok: false, reason: 'invalid' };
  const [registrationId, sessionId, target, expires, signature] = parts as [string, string, string, string, string];
  if (!UUID.test(registrationId) || !UUID.test(sessionId) || (target !== 'live' && target !== 'recording') || !/^\d{1,12}$/.test(expires)) {
    return { ok: false, reason: 'invalid' };
  }
  if (!macMatches(PURPOSE, parts.slice(0, 4).join('.'), signature)) return { ok: false, reason: 'invalid' };
  if (Number(expires) * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, redirect: { registrationId, sessionId, target } };
}
