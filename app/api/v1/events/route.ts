import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/lib/database/process-database';
import { events } from '@/db/schema';
import { eventJson } from '@/lib/api/serialize';

export const dynamic = 'force-dynamic';

export async function GET() {
  const rows = await (await getDb()).select().from(events).where(eq(events.status, 'published')).orderBy(asc(events.startsAt));
  return Response.json({ events: rows.map(eventJson) });
}
