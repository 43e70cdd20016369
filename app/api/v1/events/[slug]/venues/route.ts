import { loadPublicAgenda } from '@/lib/agenda/load';
import { apiError, venuesJson } from '@/lib/api/serialize';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const agenda = await loadPublicAgenda((await params).slug);
  if (!agenda) return apiError(404, 'No such forum');
  return Response.json({ venues: venuesJson(agenda) });
}
