import { appEnv } from '@/lib/config/env';
import { signIds, verifySignedIds } from '@/lib/security/signed-ids';

const PURPOSE = 'livestream-join';

/**
 * A personal join page for one registration and one session. It names no stream URL and grants
 * nothing by itself: the page checks the registration is still entitled each time it opens.
 */
export function joinToken(registrationId: string, sessionId: string): string {
  return signIds(PURPOSE, [registrationId, sessionId]);
}

export function joinUrl(registrationId: string, sessionId: string): string {
  return `${appEnv().appUrl}/join/${joinToken(registrationId, sessionId)}`;
}

export function parseJoinToken(token: string): { registrationId: string; sessionId: string } | null {
  const ids = verifySignedIds(PURPOSE, token, 2);
  return ids ? { registrationId: ids[0]!, sessionId: ids[1]! } : null;
}
