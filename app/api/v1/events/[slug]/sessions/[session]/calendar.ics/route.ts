import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { loadPublicAgenda } from '@/lib/agenda/load';
import { venueAgendas } from '@/lib/agenda/venue-agenda';
import { agendaFeed, icsResponse } from '@/lib/agenda/agenda-feed';
import { pick } from '@/lib/i18n/text';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; session: string }> }) {
  const { slug, session: key } = await params;
  const agenda = await loadPublicAgenda(slug);
  const session = agenda?.sessions.find((s) => s.slug === key || s.id === key);
  if (!agenda || !session) return errorResponse(notFound('No such session'));
  const entries = venueAgendas({ ...agenda, sessions: [session] }).filter((e) => !e.relay);
  return icsResponse(agendaFeed(agenda, entries, { calName: pick(session.title, 'en'), locale: 'en' }), `${session.slug}.ics`);
}
