import { headers } from 'next/headers';
import { appEnv } from '@/lib/config/env';
import { getDb } from '@/lib/database/process-database';
import { mayReadMetrics } from '@/lib/observability/metrics-access';
import { scrapeMetrics } from '@/lib/observability/scrape';
import { CLIENT_ADDRESS_HEADER } from '@/lib/security/client-address';

export const dynamic = 'force-dynamic';

/** Prometheus metrics (docs/operations.md): for the local machine, or for whoever holds METRICS_TOKEN. */
export async function GET() {
  const asked = await headers();
  const allowed = mayReadMetrics(
    { authorization: asked.get('authorization'), clientAddress: asked.get(CLIENT_ADDRESS_HEADER) },
    appEnv().metricsToken,
  );
  if (!allowed) return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const { body, contentType } = await scrapeMetrics(await getDb());
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
}
