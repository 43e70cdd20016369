import { NextResponse } from 'next/server';

export const dynamic = 'force-dynamic';

/** Liveness: the process answers. No database call, so a database outage does not get instances restarted. */
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });
}
