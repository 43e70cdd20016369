import { sql } from 'drizzle-orm';
import { resultRows } from '@/db/rows';
import type { Db } from '@/db/types';
import { metricsRegistry, outboxDepth, outboxOldestAgeSeconds } from './metrics';

/** Reads the outbox's depth and oldest age at scrape time (the figures alerts watch), then renders every metric. */
export async function scrapeMetrics(db: Db): Promise<{ body: string; contentType: string }> {
  const [row] = resultRows<{ depth: number; oldest: number | null }>(
    await db.execute(sql`
      select count(*)::int as depth, extract(epoch from now() - min(created_at))::float8 as oldest
      from outbox where status in ('queued', 'sending', 'retry')`),
  );
  outboxDepth.set(Number(row?.depth ?? 0));
  outboxOldestAgeSeconds.set(Math.max(0, Number(row?.oldest ?? 0)));
  return { body: await metricsRegistry.metrics(), contentType: metricsRegistry.contentType };
}
