import { listedEvents } from '@/lib/agenda/events';
import { eventJson } from '@/lib/api/serialize';
import { route } from '@/lib/edge/route';

export const dynamic = 'force-dynamic';

export const GET = route(async ({ db }) => {
  const rows = await listedEvents(db);
  return Response.json({ events: rows.map(eventJson) });
});
