import { NextResponse } from 'next/server';
import { sql } from 'drizzle-orm';
import { database } from '@/lib/database/process-database';

export const dynamic = 'force-dynamic';

/** Liveness and database readiness, for load balancers and test harnesses. */
export async function GET() {
  try {
    const { db, driver } = await database();
    await db.execute(sql`select 1`);
    return NextResponse.json({ ok: true, database: driver });
  } catch {
    return NextResponse.json({ ok: false }, { status: 503 });
  }
}
