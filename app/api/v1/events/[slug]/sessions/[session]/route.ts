import { getDb } from '@/lib/database/process-database';
import { loadPublicAgenda } from '@/lib/agenda/load';
import { seatsLeft } from '@/lib/agenda/public-agenda';
import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { sessionJson } from '@/lib/api/serialize';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; session: string }> }) {
  const { slug, session: key } = await params;
  const agenda = await loadPublicAgenda(slug);
  const session = agenda?.sessions.find((s) => s.id === key || s.slug === key);
  if (!agenda || !session) return errorResponse(notFound('No such session'));
  const seats = await seatsLeft(await getDb(), agenda.event.id);
  return Response.json({ session: sessionJson(agenda, session, seats.get(session.id)) });
}
