import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { users, verificationTokens } from '@/db/schema';
import type { Db } from '@/db/types';
import { sha256 } from '@/lib/security/signing';

export const MAGIC_LINK_TTL_MS = 15 * 60 * 1000;

/**
 * Creates a single-use sign-in token for a known user; only its hash is stored. Returns null for an
 * unknown or disabled account, and the caller must answer the same way in both cases. With
 * `unlessMailedWithinMs`, also null while a token made that recently is unused: the user row is
 * locked first, so of concurrent requests only one makes a token.
 */
export async function createMagicLinkToken(
  db: Db,
  email: string,
  options: { unlessMailedWithinMs?: number } = {},
): Promise<{ token: string; userId: string } | null> {
  const [user] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .for('update');
  if (!user || user.disabledAt) return null;
  if (options.unlessMailedWithinMs !== undefined) {
    // Tokens are made with a fixed lifetime, so "made within N ms" is "expires after now + TTL - N".
    const [recent] = await db
      .select({ token: verificationTokens.token })
      .from(verificationTokens)
      .where(
        and(
          eq(verificationTokens.identifier, user.id),
          isNull(verificationTokens.usedAt),
          gt(verificationTokens.expires, new Date(Date.now() + MAGIC_LINK_TTL_MS - options.unlessMailedWithinMs)),
        ),
      )
      .limit(1);
    if (recent) return null;
  }
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
