import { utcSpan } from '@/lib/calendar/utc-span';
import { ICS_PRODUCT_ID, writeCalendar } from '@/lib/calendar/write-calendar';

export type MeetingCalendarEntry = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string;
  location: string;
  url: string;
};

/**
 * One accepted meeting as an iCalendar file: one UID per meeting, SEQUENCE 0 when accepted and 1
 * when cancelled, so a calendar app replaces the entry it has. Times are UTC instants, as in every
 * calendar file of the app; the description gives them on the venue's clock with its zone.
 */
export function meetingCalendar(
  entry: MeetingCalendarEntry,
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH',
  cancelled = method === 'CANCEL',
): string {
  return writeCalendar(
    [
      {
        uid: `meeting-${entry.id}@hybrid-forum`,
        sequence: cancelled ? 1 : 0,
        method,
        ...utcSpan(entry.startsAt, entry.endsAt),
        title: entry.title,
        description: entry.description,
        location: entry.location,
        url: entry.url,
        status: cancelled ? 'CANCELLED' : 'CONFIRMED',
        productId: ICS_PRODUCT_ID,
      },
    ],
    { productId: ICS_PRODUCT_ID, method },
  );
}
