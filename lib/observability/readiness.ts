import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder } from '@/db/open';
import { resultRows } from '@/db/rows';
import type { Db } from '@/db/types';

export type Readiness = { ready: boolean; database: 'reachable' | 'unreachable'; migrations: { applied: number; expected: number } };

/** The migrations this build ships (drizzle's journal): an instance is ready once the database has them all. */
function expectedMigrations(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/**
 * Ready to take traffic: the database answers and holds every migration of this build. During a
 * rolling upgrade an instance of the new version is not ready until the first one has migrated.
 */
export async function readiness(db: Promise<Db>): Promise<Readiness> {
  const expected = expectedMigrations();
  try {
    const [row] = resultRows<{ applied: number }>(
      await (await db).execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`),
    );
    const applied = Number(row?.applied ?? 0);
    return { ready: applied >= expected, database: 'reachable', migrations: { applied, expected } };
  } catch {
    return { ready: false, database: 'unreachable', migrations: { applied: 0, expected } };
  }
}
