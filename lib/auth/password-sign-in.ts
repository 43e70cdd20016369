import { eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { passwordMatches } from './passwords';
import { passwordSignInSchema } from './schemas';
import {
  ACCOUNT_THROTTLE,
  accountThrottleKey,
  clearThrottle,
  CLIENT_THROTTLE,
  clientThrottleKey,
  forgiveAttempt,
  reserveAttempt,
} from './sign-in-throttle';

type User = typeof users.$inferSelect;

export type PasswordSignIn =
  | { outcome: 'signed-in'; user: User }
  | { outcome: 'refused' }
  | { outcome: 'throttled'; retryAfterSeconds: number };

/**
 * Checks a password sign-in against the throttle first: a throttled attempt never reaches the
 * password check, so it is refused even when the password is right. The client is counted before
 * the account, so a client that is locked out cannot add to an account's failures. Unknown
 * addresses are throttled like known ones, so the answers say nothing about which accounts exist.
 */
export async function signInWithPassword(db: Db, credentials: unknown, client: string, now = new Date()): Promise<PasswordSignIn> {
  const parsed = passwordSignInSchema.safeParse(credentials ?? {});
  if (!parsed.success) return { outcome: 'refused' };
  const clientKey = clientThrottleKey(client);
  const byClient = await reserveAttempt(db, clientKey, CLIENT_THROTTLE, now);
  if (!byClient.allowed) return { outcome: 'throttled', retryAfterSeconds: byClient.retryAfterSeconds };
  const accountKey = accountThrottleKey(parsed.data.email);
  const byAccount = await reserveAttempt(db, accountKey, ACCOUNT_THROTTLE, now);
  if (!byAccount.allowed) return { outcome: 'throttled', retryAfterSeconds: byAccount.retryAfterSeconds };

  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, parsed.data.email));
  const ok = await passwordMatches(parsed.data.password, user?.passwordHash);
  if (!user || !ok || user.disabledAt) return { outcome: 'refused' };
  await clearThrottle(db, accountKey);
  await forgiveAttempt(db, clientKey);
  return { outcome: 'signed-in', user };
}
