import { loadPublicAgenda } from '@/lib/agenda/load';
import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { eventJson, venuesJson } from '@/lib/api/serialize';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const agenda = await loadPublicAgenda((await params).slug);
  if (!agenda) return errorResponse(notFound('No such forum'));
  return Response.json({ event: eventJson(agenda.event), venues: venuesJson(agenda) });
}
