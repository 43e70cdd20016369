import { sql } from 'drizzle-orm';
import type { Db } from '@/db/types';
import { rows } from './registration';

/**
 * Resolves once some connection of this database waits for a lock (PostgreSQL only): a test holding
 * a row lock knows the other writer is queued behind it before it changes the row and commits.
 */
export async function someoneWaitsForALock(db: Db): Promise<void> {
  for (let tries = 0; tries < 500; tries++) {
    const [waiting] = rows<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      ),
    );
    if (waiting!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('nobody waited for the lock');
}
