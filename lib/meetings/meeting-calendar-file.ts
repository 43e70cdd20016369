import { and, eq, inArray, or } from 'drizzle-orm';
import { meetings, meetingSlots } from '@/db/schema';
import type { Db } from '@/db/types';
import { notFound, ok, type Result } from '@/lib/errors/result';
import { meetingCalendar } from './meeting-calendar';
import { describeMeeting } from './meeting-mail';
import { participantById, participantForToken } from './participant';

/**
 * One of the person's own meetings as a calendar file, for the manage link that names them: an
 * accepted meeting as a confirmed entry, a cancelled one as cancelled (the same UID, a higher
 * SEQUENCE). Anyone else's meeting, a pending or declined one: not found.
 */
export async function meetingCalendarFile(db: Db, token: string, meetingId: string): Promise<Result<{ body: string }>> {
  const person = await participantForToken(db, token);
  if (!person || !/^[0-9a-f-]{36}$/i.test(meetingId)) return notFound('No such meeting for you');
  const [m] = await db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.id, meetingId),
        or(eq(meetings.requesterId, person.id), eq(meetings.inviteeId, person.id)),
        inArray(meetings.status, ['accepted', 'cancelled']),
      ),
    );
  if (!m) return notFound('No such meeting for you');
  const other = await participantById(db, m.requesterId === person.id ? m.inviteeId : m.requesterId);
  const [slot] = await db
    .select({ eventId: meetingSlots.eventId, venueId: meetingSlots.venueId, startsAt: meetingSlots.startsAt, endsAt: meetingSlots.endsAt })
    .from(meetingSlots)
    .where(eq(meetingSlots.id, m.slotId));
  if (!other || !slot) return notFound('No such meeting for you');
  const described = await describeMeeting(db, { ...m, slot }, person, other);
  return ok({ body: meetingCalendar(described.calendar, 'PUBLISH', m.status === 'cancelled') });
}
