import { randomUUID } from 'node:crypto';
import { eq, lt, type SQL, sql } from 'drizzle-orm';
import { rateLimits } from '@/db/schema';
import { preparedPerDb } from '@/db/prepared';
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
  const attempt = randomUUID();
  const [row] = await sharedHit(db).execute({
    key,
    now: now.toISOString(),
    windowStart: new Date(now.getTime() - options.windowMs).toISOString(),
    limit: options.limit,
    attempt,
  });
  await pruneNowAndThen(db, now);
  if (row!.lastAttempt === attempt) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((row!.since.getTime() + options.windowMs - now.getTime()) / 1000)) };
}

/**
 * takeSharedHit's upsert, built once per database handle: every API registration takes one, and
 * Drizzle's building of it cost more than running it (db/prepared.ts). The rules are countAttempt's:
 * a window that has ended starts again at one; a hit with room counts; a refused hit changes nothing.
 */
const sharedHit = preparedPerDb((db) => {
  const now = sql`${sql.placeholder('now')}::timestamptz`;
  const attempt = sql`${sql.placeholder('attempt')}::uuid`;
  const expired = sql`${rateLimits.since} <= ${sql.placeholder('windowStart')}::timestamptz`;
  const room = sql`${rateLimits.count} < ${sql.placeholder('limit')}::int`;
  return db
    .insert(rateLimits)
    .values({ key: sql.placeholder('key'), count: 1, since: now, lastAttempt: attempt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 when ${room} then ${rateLimits.count} + 1 else ${rateLimits.count} end`,
        since: sql`case when ${expired} then ${now} else ${rateLimits.since} end`,
        lastAttempt: sql`case when ${expired} or ${room} then ${attempt} else ${rateLimits.lastAttempt} end`,
      },
    })
    .returning({ since: rateLimits.since, lastAttempt: rateLimits.lastAttempt })
    .prepare('shared_rate_limit_hit');
});

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
