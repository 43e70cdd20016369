import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { users, verificationTokens } from '@/db/schema';
import type { Db } from '@/db/types';
import { sha256 } from '@/lib/security/signing';

export const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;

/**
 * Creates a single-use sign-in token for a known user; only its hash is stored. Returns null for an
 * unknown or disabled account, and the caller must answer the same way in both cases.
 */
export async function createMagicLinkToken(db: Db, email: string): Promise<{ token: string; userId: string } | null> {
  const [user] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()));
  if (!user || user.disabledAt) return null;
  const token = randomBytes(32).toString('base64url');
  await db.insert(verificationTokens).values({
    identifier: user.id,
    token: sha256(token),
    expires: new Date(Date.now() + MAGIC_LINK_TTL_MS),
  });
  return { token, userId: user.id };
}

/** Uses up a token: the first caller within its lifetime gets the user id, every later one null. */
export async function consumeMagicLinkToken(db: Db, token: string): Promise<string | null> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 200) return null;
  const [used] = await db
    .update(verificationTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(verificationTokens.token, sha256(token)), isNull(verificationTokens.usedAt), gt(verificationTokens.expires, new Date())))
    .returning({ userId: verificationTokens.identifier });
  return used?.userId ?? null;
}
