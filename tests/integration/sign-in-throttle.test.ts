// Password sign-in throttling (issue 13, point 4): per account and per client, with lock-outs that
// double, counted in the database so that every app instance shares the counts.
import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits, users } from '@/db/schema';
import { openDatabase, type OpenDatabase } from '@/db/open';
import type { Db } from '@/db/types';
import { signInWithPassword } from '@/lib/auth/password-sign-in';
import { ACCOUNT_THROTTLE, accountThrottleKey, CLIENT_THROTTLE } from '@/lib/auth/sign-in-throttle';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';

const PASSWORD = 'right-password-2026';
const MINUTE = 60_000;
let t: TestDatabase;
let second: OpenDatabase | null = null;
/** Two app instances: on PostgreSQL two connection pools to one database; PGlite has one process only. */
let instances: [Db, Db];

beforeAll(async () => {
  t = await createTestDatabase();
  if (usingPostgres) {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${t.name}`;
    second = await openDatabase({ databaseUrl: url.toString(), maxConnections: 5 });
  }
  instances = [t.db, second?.db ?? t.db];
  // Real bcrypt hashes at the lowest cost, so a hundred checks take seconds, not minutes.
  const passwordHash = bcrypt.hashSync(PASSWORD, 4);
  const names = ['ana', 'bo', 'cy', 'di', 'ed', ...Array.from({ length: CLIENT_THROTTLE.failures }, (_, i) => `probe-${i}`)];
  await t.db.insert(users).values(names.map((name) => ({ email: `${name}@forum.test`, passwordHash })));
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

const attempt = (db: Db, email: string, password: string, client: string, now?: Date) =>
  signInWithPassword(db, { email, password }, client, now);

describe('password sign-in throttle', () => {
  it('refuses the right password after 40 wrong ones spread over two instances, without checking it', async () => {
    const outcomes = [];
    for (let i = 0; i < 40; i++)
      outcomes.push((await attempt(instances[i % 2]!, 'ana@forum.test', `guess-${i}`, `203.0.113.${i}`)).outcome);
    // Five failures reach the password check; from then on the account is locked, whichever instance is asked.
    expect(outcomes.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => 'refused'));
    expect(new Set(outcomes.slice(5))).toEqual(new Set(['throttled']));
    const right = await attempt(instances[1]!, 'ANA@forum.test', PASSWORD, '192.0.2.1');
    expect(right).toMatchObject({ outcome: 'throttled', retryAfterSeconds: expect.any(Number) });
    expect((right as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(50);
    expect((right as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    // Refused attempts did not add to the count, so hammering does not lengthen the lock.
    const [row] = await t.db
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, accountThrottleKey('ana@forum.test')));
    expect(row!.count).toBe(ACCOUNT_THROTTLE.failures);
  });

  it('lets no more than five concurrent wrong guesses reach the password check', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(instances[i % 2]!, 'bo@forum.test', `guess-${i}`, `198.51.100.${i}`)),
    );
    expect(outcomes.filter((o) => o.outcome === 'refused')).toHaveLength(ACCOUNT_THROTTLE.failures);
    expect(outcomes.filter((o) => o.outcome === 'throttled')).toHaveLength(30 - ACCOUNT_THROTTLE.failures);
  });

  it('doubles the lock with each failure after it runs out, and forgets the failures after a success', async () => {
    const start = new Date('2026-12-01T08:00:00Z');
    const at = (ms: number) => new Date(start.getTime() + ms);
    for (let i = 0; i < 5; i++) expect((await attempt(t.db, 'cy@forum.test', 'wrong', '192.0.2.20', at(i))).outcome).toBe('refused');
    expect(await attempt(t.db, 'cy@forum.test', PASSWORD, '192.0.2.20', at(MINUTE - 1000))).toMatchObject({ outcome: 'throttled' });
    // The first lock (1 minute) has run out: one more failure locks for 2 minutes, the next for 4.
    expect((await attempt(t.db, 'cy@forum.test', 'wrong', '192.0.2.20', at(MINUTE + 10))).outcome).toBe('refused');
    expect(await attempt(t.db, 'cy@forum.test', PASSWORD, '192.0.2.20', at(MINUTE + 20))).toMatchObject({
      outcome: 'throttled',
      retryAfterSeconds: 120,
    });
    expect((await attempt(t.db, 'cy@forum.test', 'wrong', '192.0.2.20', at(3 * MINUTE + 20))).outcome).toBe('refused');
    expect(await attempt(t.db, 'cy@forum.test', PASSWORD, '192.0.2.20', at(3 * MINUTE + 30))).toMatchObject({
      outcome: 'throttled',
      retryAfterSeconds: 240,
    });
    expect((await attempt(t.db, 'cy@forum.test', PASSWORD, '192.0.2.20', at(7 * MINUTE + 30))).outcome).toBe('signed-in');
    // A success starts the account over: four more failures are still not a lock.
    for (let i = 0; i < 4; i++)
      expect((await attempt(t.db, 'cy@forum.test', 'wrong', '192.0.2.20', at(8 * MINUTE + i))).outcome).toBe('refused');
    expect((await attempt(t.db, 'cy@forum.test', PASSWORD, '192.0.2.20', at(8 * MINUTE + 10))).outcome).toBe('signed-in');
  });

  it('limits one client guessing across many accounts, unknown ones included, while other clients get through', async () => {
    const client = '203.0.113.200';
    const outcomes = [];
    const accounts = [
      ...Array.from({ length: CLIENT_THROTTLE.failures - 2 }, (_, i) => `probe-${i}@forum.test`),
      'nobody-1@forum.test',
      'nobody-2@forum.test',
      'probe-18@forum.test',
      'probe-19@forum.test',
    ];
    for (const [i, email] of accounts.entries()) outcomes.push((await attempt(instances[i % 2]!, email, 'wrong', client)).outcome);
    expect(outcomes.slice(0, CLIENT_THROTTLE.failures)).toEqual(Array.from({ length: CLIENT_THROTTLE.failures }, () => 'refused'));
    expect(outcomes.slice(CLIENT_THROTTLE.failures)).toEqual(['throttled', 'throttled']);
    expect((await attempt(t.db, 'di@forum.test', PASSWORD, client)).outcome).toBe('throttled');
    expect((await attempt(t.db, 'di@forum.test', PASSWORD, '198.51.100.201')).outcome).toBe('signed-in');
  });

  it('does not count successful sign-ins from a shared address (a check-in desk) as failures', async () => {
    const desk = '192.0.2.99';
    for (let i = 0; i < CLIENT_THROTTLE.failures + 1; i++)
      expect((await attempt(t.db, 'ed@forum.test', PASSWORD, desk)).outcome).toBe('signed-in');
  });

  it('refuses malformed credentials before counting anything', async () => {
    for (const credentials of [null, {}, { email: 'not an address', password: PASSWORD }, { email: 'ana@forum.test', password: '' }]) {
      expect(await signInWithPassword(t.db, credentials, '198.51.100.250')).toEqual({ outcome: 'refused' });
    }
    const counted = await t.db.select().from(rateLimits).where(eq(rateLimits.key, 'signin:client:198.51.100.250'));
    expect(counted).toEqual([]);
  });
});
