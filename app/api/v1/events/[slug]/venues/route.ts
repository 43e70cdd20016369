import { venuesJson } from '@/lib/api/serialize';
import { agendaRoute } from '@/lib/edge/route';

export const dynamic = 'force-dynamic';

export const GET = agendaRoute(async ({ agenda }) => Response.json({ venues: venuesJson(agenda) }));
