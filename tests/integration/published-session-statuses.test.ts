// Registration reads which sessions the published programme holds from memory, once per event and
// published version (lib/registration/published-session-statuses.ts). The database is real; a
// handle around it counts its reads and can lose one, as a dropped connection would.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '@/db/schema';
import type { Db } from '@/db/types';
import { seedDemoForum } from '@/lib/demo/seed';
import { publishedSessionStatuses } from '@/lib/registration/published-session-statuses';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, sessionBySlug } from '../helpers/registration';

let t: TestDatabase;
let forum: { id: string; publishedVersion: number };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  const [row] = await t.db.select({ id: events.id, publishedVersion: events.publishedVersion }).from(events).where(eq(events.slug, EVENT));
  forum = row!;
});
afterAll(() => t?.close());

/** A handle of its own (so a cache of its own) over the test database, counting `execute` calls. */
function countingHandle() {
  const seen = { reads: 0, failNext: false };
  const handle = new Proxy(t.db, {
    get(target, property) {
      if (property === 'execute')
        return (...args: Parameters<Db['execute']>) => {
          seen.reads += 1;
          if (seen.failNext) {
            seen.failNext = false;
            return Promise.reject(new Error('connection lost'));
          }
          return target.execute(...args);
        };
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as Db;
  return { handle, seen };
}

describe(`published session statuses, kept per event and version (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('nothing before a first publication; after it, the published sessions with their status, read once per version', async () => {
    const { handle, seen } = countingHandle();
    expect(publishedSessionStatuses(handle, { id: forum.id, publishedVersion: 0 })).toBeNull();
    expect(seen.reads).toBe(0);
    expect(forum.publishedVersion).toBeGreaterThanOrEqual(1);
    const statuses = await publishedSessionStatuses(handle, forum)!;
    expect(statuses.get(await sessionBySlug(t.db, 'keynote-ai-public-health'))).toBe('scheduled');
    expect(await publishedSessionStatuses(handle, forum)!).toBe(statuses);
    expect(await publishedSessionStatuses(handle, { ...forum })!).toBe(statuses);
    expect(seen.reads).toBe(1);
    // A later version is read anew (none is stored here: no sessions), and then kept in place of the first.
    expect((await publishedSessionStatuses(handle, { id: forum.id, publishedVersion: forum.publishedVersion + 1 })!).size).toBe(0);
    await publishedSessionStatuses(handle, { id: forum.id, publishedVersion: forum.publishedVersion + 1 });
    expect(seen.reads).toBe(2);
  });

  it('a read that failed is not kept: the next registration reads again', async () => {
    const { handle, seen } = countingHandle();
    seen.failNext = true;
    await expect(publishedSessionStatuses(handle, forum)!).rejects.toThrow('connection lost');
    const statuses = await publishedSessionStatuses(handle, forum)!;
    expect(statuses.size).toBeGreaterThan(0);
    expect(seen.reads).toBe(2);
  });

  it('keeps 64 events; the 65th drops the first one kept', async () => {
    const { handle, seen } = countingHandle();
    const others = Array.from({ length: 64 }, () => ({ id: randomUUID(), publishedVersion: 1 }));
    await publishedSessionStatuses(handle, forum);
    for (const other of others.slice(0, 63)) await publishedSessionStatuses(handle, other);
    // 64 kept: the forum is still there.
    await publishedSessionStatuses(handle, forum);
    expect(seen.reads).toBe(64);
    await publishedSessionStatuses(handle, others[63]!);
    await publishedSessionStatuses(handle, others[62]!);
    await publishedSessionStatuses(handle, others[0]!);
    expect(seen.reads).toBe(65);
    // The forum, kept first, made room for the 65th.
    await publishedSessionStatuses(handle, forum);
    expect(seen.reads).toBe(66);
  });
});
