import { createEvents, type EventAttributes, type HeaderAttributes } from 'ics';
import { calendarLine, calendarParam, calendarText, escapedCalendarLine, foldCalendar } from './calendar-text';

/** The product id of the programme feeds and of registrants' invitations (the speaker feed has its own). */
export const ICS_PRODUCT_ID = '-//Hybrid Forum//Agenda//EN';

type CalendarHeader = { productId: string; method?: string; calName?: string };

/**
 * The one way this app writes an iCalendar file: every text from the database cleaned for the
 * format, then the ics package, then lines folded to 75 octets. A calendar with no events is
 * written by hand (the ics package refuses to write one).
 */
export function writeCalendar(events: EventAttributes[], header: CalendarHeader): string {
  const calName = header.calName ? escapedCalendarLine(header.calName) : undefined;
  if (events.length === 0) return emptyCalendar({ ...header, calName });
  const attributes: HeaderAttributes = {
    productId: header.productId,
    ...(header.method ? { method: header.method } : {}),
    ...(calName ? { calName } : {}),
  };
  const { error, value } = createEvents(events.map(cleanEvent), attributes);
  if (error || !value) throw error ?? new Error('could not build the calendar');
  return foldCalendar(value);
}

function cleanEvent(event: EventAttributes): EventAttributes {
  return {
    ...event,
    ...(event.title !== undefined ? { title: calendarLine(event.title) } : {}),
    ...(event.description !== undefined ? { description: calendarText(event.description) } : {}),
    ...(event.location !== undefined ? { location: calendarLine(event.location) } : {}),
    ...(event.organizer
      ? { organizer: { ...event.organizer, name: event.organizer.name === undefined ? undefined : calendarParam(event.organizer.name) } }
      : {}),
    ...(event.attendees
      ? { attendees: event.attendees.map((a) => ({ ...a, name: a.name === undefined ? undefined : calendarParam(a.name) })) }
      : {}),
  };
}

function emptyCalendar(header: CalendarHeader): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${header.productId}`, 'CALSCALE:GREGORIAN'];
  if (header.method) lines.push(`METHOD:${header.method}`);
  if (header.calName) lines.push(`X-WR-CALNAME:${header.calName}`);
  lines.push('END:VCALENDAR', '');
  return foldCalendar(lines.join('\r\n'));
}
