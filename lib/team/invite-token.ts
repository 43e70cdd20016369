import { randomBytes } from 'node:crypto';
import { sha256 } from '@/lib/security/signing';

/** An invite link works for a week: long enough to reach someone travelling, short enough to go stale. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** A new invite token and the hash the database keeps; the token itself is only ever mailed. */
export function newInviteToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

export const inviteTokenHash = (token: string) => sha256(token);

/** Whether a string can be an invite token at all (so a malformed one is refused before the database). */
export const looksLikeInviteToken = (token: unknown): token is string => typeof token === 'string' && /^[A-Za-z0-9_-]{40,60}$/.test(token);
