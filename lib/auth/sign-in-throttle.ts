import { eq, sql } from 'drizzle-orm';
import { rateLimits } from '@/db/schema';
import type { Db } from '@/db/types';
import { countAttempt, type Verdict } from '@/lib/security/shared-rate-limit';

/**
 * Password sign-in is throttled per account and per client. After `failures` failed attempts in a
 * row, the key is locked for `firstLockMs`; each further failure (possible only once the lock has
 * run out) doubles the lock, up to `longestLockMs`. A day without failures forgets them.
 */
export type ThrottlePolicy = { failures: number; firstLockMs: number; longestLockMs: number; forgetAfterMs: number };

const MINUTE = 60_000;
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  failures: 5,
  firstLockMs: MINUTE,
  longestLockMs: 60 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};
// A venue's check-in desk signs in many people from one address: the client allows more failures.
export const CLIENT_THROTTLE: ThrottlePolicy = {
  failures: 20,
  firstLockMs: MINUTE,
  longestLockMs: 60 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};

export const accountThrottleKey = (email: string) => `signin:account:${email.trim().toLowerCase()}`;
export const clientThrottleKey = (client: string) => `signin:client:${client}`;

export function lockMs(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.failures) return 0;
  return Math.min(policy.longestLockMs, policy.firstLockMs * 2 ** Math.min(30, failures - policy.failures));
}

/**
 * Counts an attempt as a failure before the password is checked, in one upsert: concurrent attempts
 * queue on the row, so no more than `failures` of them get to check a password before the lock.
 * A locked key refuses the attempt and changes nothing, so hammering a lock does not lengthen it.
 */
export async function reserveAttempt(
  db: Db,
  key: string,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<Verdict & { attempt: string }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const lockedUntil = sql`${rateLimits.since} + least(${policy.longestLockMs}::float8, ${policy.firstLockMs}::float8 * power(2::float8, least(30, ${rateLimits.count} - ${policy.failures}::int))) * interval '1 millisecond'`;
  const locked = sql`(${rateLimits.count} >= ${policy.failures}::int and ${lockedUntil} > ${at})`;
  const forgotten = sql`${rateLimits.since} <= ${new Date(now.getTime() - policy.forgetAfterMs).toISOString()}::timestamptz`;
  const row = await countAttempt(db, key, now, {
    count: sql`case when ${locked} then ${rateLimits.count} when ${forgotten} then 1 else ${rateLimits.count} + 1 end`,
    since: sql`case when ${locked} then ${rateLimits.since} else ${at} end`,
    admitted: sql`not ${locked}`,
  });
  if (row.admitted) return { allowed: true, retryAfterSeconds: 0, attempt: row.attempt };
  const until = row.since.getTime() + lockMs(row.count, policy);
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)), attempt: row.attempt };
}

/** The attempt succeeded: it was no failure after all. */
export async function forgiveAttempt(db: Db, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

/** The owner proved who they are: the account's failures are forgotten. */
export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
