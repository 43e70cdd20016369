import { randomUUID } from 'node:crypto';
import { eq, lt, type SQL, sql } from 'drizzle-orm';
import { rateLimits } from '@/db/schema';
import type { Db } from '@/db/types';

export type Verdict = { allowed: boolean; retryAfterSeconds: number };

/** Rows untouched this long belong to no live window or lock-out (the longest lasts a day). */
const KEEP_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * One hit against a fixed window of `limit` hits per `windowMs`, counted in the database so every
 * app instance shares it. One upsert decides and counts together, so concurrent requests cannot
 * all slip past a limit they each saw as not yet reached. A refused hit changes nothing: the window
 * still ends when it would have.
 */
export async function takeSharedHit(db: Db, key: string, options: { limit: number; windowMs: number; now?: Date }): Promise<Verdict> {
  const now = options.now ?? new Date();
  const at = sql`${now.toISOString()}::timestamptz`;
  const expired = sql`${rateLimits.since} <= ${new Date(now.getTime() - options.windowMs).toISOString()}::timestamptz`;
  const room = sql`${rateLimits.count} < ${options.limit}::int`;
  const row = await countAttempt(db, key, now, {
    count: sql`case when ${expired} then 1 when ${room} then ${rateLimits.count} + 1 else ${rateLimits.count} end`,
    since: sql`case when ${expired} then ${at} else ${rateLimits.since} end`,
    admitted: sql`${expired} or ${room}`,
  });
  if (row.admitted) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.since.getTime() + options.windowMs - now.getTime()) / 1000)) };
}

/**
 * Whether `key` has used up `limit` hits in its current window, without counting one (for limits on
 * failures only: takeSharedHit counts the failures).
 */
export async function sharedSpent(db: Db, key: string, options: { limit: number; windowMs: number; now?: Date }): Promise<Verdict> {
  const now = options.now ?? new Date();
  const [row] = await db.select({ count: rateLimits.count, since: rateLimits.since }).from(rateLimits).where(eq(rateLimits.key, key));
  if (!row || row.since.getTime() <= now.getTime() - options.windowMs || row.count < options.limit)
    return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row.since.getTime() + options.windowMs - now.getTime()) / 1000)) };
}

/**
 * Counts one attempt at `key` in one upsert: a new key starts at one; a held key takes `rules`,
 * whose `admitted` decides whether this attempt got through (an attempt id is written only then,
 * so the caller learns the outcome from the row it gets back, even under concurrency).
 */
export async function countAttempt(
  db: Db,
  key: string,
  now: Date,
  rules: { count: SQL; since: SQL; admitted: SQL },
): Promise<{ count: number; since: Date; admitted: boolean; attempt: string }> {
  const attempt = randomUUID();
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: 1, since: now, lastAttempt: attempt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: rules.count,
        since: rules.since,
        lastAttempt: sql`case when ${rules.admitted} then ${attempt}::uuid else ${rateLimits.lastAttempt} end`,
      },
    })
    .returning({ count: rateLimits.count, since: rateLimits.since, lastAttempt: rateLimits.lastAttempt });
  await pruneNowAndThen(db, now);
  return { count: row!.count, since: row!.since, admitted: row!.lastAttempt === attempt, attempt };
}
/** About one call in a hundred clears rows no window or lock-out needs any more. */
export async function pruneNowAndThen(db: Db, now: Date): Promise<void> {
  if (Math.random() >= 0.01) return;
  await db.delete(rateLimits).where(lt(rateLimits.since, new Date(now.getTime() - KEEP_MS)));
}
