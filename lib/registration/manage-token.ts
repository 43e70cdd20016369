import { appEnv } from '@/lib/config/env';
import { signIds, verifySignedIds } from '@/lib/security/signed-ids';
import { sha256 } from '@/lib/security/signing';

const PURPOSE = 'registration-manage';

/** The secret part of a registrant's manage link; any later mail can carry it again. */
export function manageTokenFor(registrationId: string): string {
  return signIds(PURPOSE, [registrationId]);
}

/** What the database stores: the token itself is never written down. */
export function manageTokenHash(token: string): string {
  return sha256(token);
}

export function manageUrl(registrationId: string): string {
  return `${appEnv().appUrl}/manage/${manageTokenFor(registrationId)}`;
}

/** The registration id a token was made for, or null when it is malformed or forged. */
export function registrationIdFromManageToken(token: string): string | null {
  return verifySignedIds(PURPOSE, token, 1)?.[0] ?? null;
}
