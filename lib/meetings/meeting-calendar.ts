import type { EventAttributes } from 'ics';
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

/** The one UID of a meeting in every calendar file: its own file, the mails and the personal feed. */
export const meetingUid = (meetingId: string) => `meeting-${meetingId}@hybrid-forum`;

/**
 * One meeting as a calendar entry: SEQUENCE 0 when accepted and 1 when cancelled, so a calendar app
 * replaces the entry it has. Times are UTC instants, as in every calendar file of the app; the
 * description gives them on the venue's clock with its zone.
 */
export function meetingEvent(entry: MeetingCalendarEntry, method: 'REQUEST' | 'CANCEL' | 'PUBLISH', cancelled: boolean): EventAttributes {
  return {
    uid: meetingUid(entry.id),
    sequence: cancelled ? 1 : 0,
    method,
    ...utcSpan(entry.startsAt, entry.endsAt),
    title: entry.title,
    description: entry.description,
    location: entry.location,
    url: entry.url,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    productId: ICS_PRODUCT_ID,
  };
}

/** One meeting as an iCalendar file (its own download, or a mail's attachment). */
export function meetingCalendar(
  entry: MeetingCalendarEntry,
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH',
  cancelled = method === 'CANCEL',
): string {
  return writeCalendar([meetingEvent(entry, method, cancelled)], { productId: ICS_PRODUCT_ID, method });
}
