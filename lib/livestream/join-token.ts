import { appEnv } from '@/lib/config/env';
import { mac, macMatches } from '@/lib/security/signing';

const PURPOSE = 'livestream-join';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A personal join page address for one registration and one session. It names no stream URL and
 * grants nothing by itself: the page checks the registration is still entitled each time it opens.
 */
export function joinToken(registrationId: string, sessionId: string): string {
  return `${registrationId}.${sessionId}.${mac(PURPOSE, `${registrationId}/${sessionId}`)}`;
}

export function joinUrl(registrationId: string, sessionId: string): string {
  return `${appEnv().appUrl}/join/${joinToken(registrationId, sessionId)}`;
}

export function parseJoinToken(token: string): { registrationId: string; sessionId: string } | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const [registrationId, sessionId, signature, extra] = token.split('.');
  if (!registrationId || !sessionId || !signature || extra !== undefined) return null;
  if (!UUID.test(registrationId) || !UUID.test(sessionId)) return null;
  return macMatches(PURPOSE, `${registrationId}/${sessionId}`, signature) ? { registrationId, sessionId } : null;
}
