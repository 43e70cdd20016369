import { loadPublicAgenda } from '@/lib/agenda/load';
import { seatsLeft } from '@/lib/agenda/public-agenda';
import { route } from '@/lib/edge/route';
import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { sessionJson } from '@/lib/api/serialize';

export const dynamic = 'force-dynamic';

export const GET = route<{ slug: string; session: string }>(async ({ params, db }) => {
  const { slug, session: key } = params;
  const agenda = await loadPublicAgenda(slug);
  const session = agenda?.sessions.find((s) => s.id === key || s.slug === key);
  if (!agenda || !session) return errorResponse(notFound('No such session'));
  const seats = await seatsLeft(db, agenda.event.id);
  return Response.json({ session: sessionJson(agenda, session, seats.get(session.id)) });
});
