import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
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

/** What a used, revoked, expired or unknown invite link answers. */
export const INVITE_GONE = 'This invite link was used, revoked or has expired';

/** The columns every invite table has (team invites, exhibitor staff invites). */
type InviteColumns = { tokenHash: AnyPgColumn; acceptedAt: AnyPgColumn; revokedAt: AnyPgColumn; expiresAt: AnyPgColumn };

/** The invite of `token` while it is still open: not accepted, not revoked, not expired at `now`. */
export const openInviteWhere = (invites: InviteColumns, token: string, now: Date): SQL =>
  and(eq(invites.tokenHash, inviteTokenHash(token)), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, now))!;
