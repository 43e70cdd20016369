import type { Db } from '@/db/types';
import { hasStreamGrant } from '@/lib/livestream/grants';
import { joinToken } from '@/lib/livestream/join-token';
import { printedShortCode } from '@/lib/tickets/short-code';
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
  const hasTicket =
    active && registration.mode === 'in_person' && registration.status !== 'waitlisted' && registration.status !== 'pending';
  // People the organisers granted stream access (an in-person speaker's colleague, the press) get join links too.
  const granted = active && (await hasStreamGrant(db, registration.eventId, registration.email));
  return {
    ...itinerary,
    items: itinerary.items.map((item) => ({
      ...item,
      joinPath:
        active && item.session.streamed && ((item.presence.kind === 'online' && item.seat?.status === 'confirmed') || granted)
          ? `/join/${joinToken(id, item.session.id)}`
          : null,
      // The live room (questions, polls) is for everyone who takes part in the session, in any venue or online.
      livePath:
        (registration.status === 'confirmed' || registration.status === 'checked_in') && (item.seat?.status === 'confirmed' || granted)
          ? `/live/${joinToken(id, item.session.id)}`
          : null,
    })),
    ticket: hasTicket ? { code: ticketCode(id), shortCode: printedShortCode(registration.shortCode), svg: await ticketSvg(id) } : null,
    feedUrl: active ? registrationFeedUrl(id) : null,
  };
}
