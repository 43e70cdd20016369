import type { Db } from '@/db/types';
import { joinToken } from '@/lib/livestream/join-token';
import { ticketCode, ticketSvg } from '@/lib/tickets/ticket';
import { registrationFeedUrl } from './feed-token';
import { loadItinerary } from './itinerary';
import { registrationIdFromManageToken } from './manage-token';

/** What the manage page shows; only reachable with the registration's signed manage token. */
export async function registrationForManageToken(db: Db, token: string) {
  const id = registrationIdFromManageToken(token);
  if (!id) return null;
  const itinerary = await loadItinerary(db, id);
  if (!itinerary) return null;
  const { registration } = itinerary;
  const active = registration.status !== 'cancelled';
  const hasTicket = active && registration.mode === 'in_person' && registration.status !== 'waitlisted';
  return {
    ...itinerary,
    items: itinerary.items.map((item) => ({
      ...item,
      joinPath: active && item.presence.kind === 'online' && item.session.streamed && item.seat?.status === 'confirmed' ? `/join/${joinToken(id, item.session.id)}` : null,
    })),
    ticket: hasTicket ? { code: ticketCode(id), svg: await ticketSvg(id) } : null,
    feedUrl: active ? registrationFeedUrl(id) : null,
  };
}
