import type { Db } from '@/db/types';
import { isLocale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { loadItinerary } from '@/lib/registration/itinerary';
import { inviteSession } from '@/lib/registration/itinerary-text';
import { mailFromAddress } from '@/lib/mail/addresses';
import { registrationInvite } from '@/lib/calendar/registration-invite';

/**
 * A registrant's own calendar subscription: the same UIDs as their mailed invites, so a calendar
 * app that has both shows each session once. Null when the registration is gone or cancelled.
 */
export async function registrationFeed(db: Db, registrationId: string): Promise<string | null> {
  const itinerary = await loadItinerary(db, registrationId);
  if (!itinerary || itinerary.registration.status === 'cancelled') return null;
  const { registration, event } = itinerary;
  const locale = isLocale(registration.locale) ? registration.locale : 'en';
  const held = itinerary.items.filter((item) => item.seat);
  const party = {
    uidPrefix: registrationId,
    sequence: registration.sequence,
    attendee: { name: registration.name, email: registration.email },
    organizer: { name: pick(event.name, 'en'), email: mailFromAddress().address },
  };
  return registrationInvite(
    party,
    held.map((item) => inviteSession(item, locale, event.slug)),
    'PUBLISH',
  );
}
