import { appEnv } from '@/lib/config/env';
import { mac, macMatches, sha256 } from '@/lib/security/signing';

const PURPOSE = 'registration-manage';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The secret part of a registrant's manage link. Derived from the registration id with the app
 * secret, so any later mail (a promotion, a schedule change) can carry the link again.
 */
export function manageTokenFor(registrationId: string): string {
  return `${registrationId}.${mac(PURPOSE, registrationId)}`;
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
  if (typeof token !== 'string' || token.length > 200) return null;
  const [id, signature, extra] = token.split('.');
  if (!id || !signature || extra !== undefined || !UUID.test(id)) return null;
  return macMatches(PURPOSE, id, signature) ? id : null;
}
