import { mac, macMatches } from './signing';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * "id.id.mac": ids made unforgeable for one purpose. Derived rather than stored, so any later mail
 * can carry the same link, and a link made for one purpose (a calendar feed) opens nothing else
 * (the manage page).
 */
export function signIds(purpose: string, ids: string[]): string {
  return `${ids.join('.')}.${mac(purpose, ids.join('/'))}`;
}

/** The ids a token was made for, or null when it is malformed, forged or made for another purpose. */
export function verifySignedIds(purpose: string, token: unknown, count: number): string[] | null {
  if (typeof token !== 'string' || token.length > 300) return null;
  const parts = token.split('.');
  if (parts.length !== count + 1) return null;
  const ids = parts.slice(0, count);
  if (!ids.every((id) => UUID.test(id))) return null;
  return macMatches(purpose, ids.join('/'), parts[count]!) ? ids : null;
}
