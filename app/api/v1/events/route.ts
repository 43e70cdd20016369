import { getDb } from '@/lib/database/process-database';
import { listedEvents } from '@/lib/agenda/events';
import { eventJson } from '@/lib/api/serialize';

export const dynamic = 'force-dynamic';

export async function GET() {
  const rows = await listedEvents(await getDb());
  return Response.json({ events: rows.map(eventJson) });
}
