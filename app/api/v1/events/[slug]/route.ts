import { eventJson, venuesJson } from '@/lib/api/serialize';
import { agendaRoute } from '@/lib/edge/route';

export const dynamic = 'force-dynamic';

export const GET = agendaRoute(async ({ agenda }) => Response.json({ event: eventJson(agenda.event), venues: venuesJson(agenda) }));
