import type { Db } from '@/db/types';
import { isLocale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { loadItinerary } from '@/lib/registration/itinerary';
import { inviteSession } from '@/lib/registration/itinerary-text';
import { mailFromAddress } from '@/lib/mail/addresses';
import { inviteEvents } from '@/lib/calendar/registration-invite';
import { ICS_PRODUCT_ID, writeCalendar } from '@/lib/calendar/write-calendar';
import { meetingEvent } from '@/lib/meetings/meeting-calendar';
import { meetingCalendarEntries } from '@/lib/meetings/meeting-calendar-file';

/**
 * A registrant's own calendar subscription: their sessions, with the same UIDs as their mailed
 * invites, and their 1:1 meetings, with the UIDs of the meetings' own files (accepted: SEQUENCE 0;
 * cancelled: STATUS:CANCELLED, SEQUENCE 1), so a calendar app that has both shows each once.
 * Null when the registration is gone or cancelled.
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
  const person = {
    id: registrationId,
    name: registration.name,
    email: registration.email,
    locale,
    organisation: registration.organisation ?? '',
  };
  const meetings = await meetingCalendarEntries(db, person);
  return writeCalendar(
    [
      ...inviteEvents(
        party,
        held.map((item) => inviteSession(item, locale, event.slug)),
        'PUBLISH',
      ),
      ...meetings.map((m) => meetingEvent(m.entry, 'PUBLISH', m.cancelled)),
    ],
    { productId: ICS_PRODUCT_ID, method: 'PUBLISH' },
  );
}
