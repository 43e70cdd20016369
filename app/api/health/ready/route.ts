import { NextResponse } from 'next/server';
import { getDb } from '@/lib/database/process-database';
import { readiness } from '@/lib/observability/readiness';

export const dynamic = 'force-dynamic';

/** Readiness, for the load balancer: 200 once the database answers and holds this build's migrations, else 503. */
export async function GET() {
  const state = await readiness(getDb());
  return NextResponse.json(state, { status: state.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
