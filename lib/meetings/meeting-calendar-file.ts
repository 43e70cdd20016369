import { and, asc, eq, isNotNull, or } from 'drizzle-orm';
import { meetings, meetingSlots } from '@/db/schema';
import type { Db } from '@/db/types';
import { notFound, ok, type Result } from '@/lib/errors/result';
import { meetingCalendar, type MeetingCalendarEntry } from './meeting-calendar';
import { describeMeeting } from './meeting-mail';
import { type Participant, participantById, participantForToken } from './participant';

/**
 * A person's accepted meetings, and those cancelled after being accepted, as calendar entries in
 * their language (all of them, or the one `meetingId`), oldest slot first. Pending and declined
 * requests, and requests cancelled while pending, are never in a calendar. A meeting cancelled after
 * acceptance stays, as cancelled, so that a calendar that had it removes it.
 */
export async function meetingCalendarEntries(
  db: Db,
  person: Pick<Participant, 'id' | 'name' | 'email' | 'locale' | 'organisation'>,
  meetingId?: string,
): Promise<{ entry: MeetingCalendarEntry; cancelled: boolean }[]> {
  const rows = await db
    .select({
      meeting: meetings,
      slot: { eventId: meetingSlots.eventId, venueId: meetingSlots.venueId, startsAt: meetingSlots.startsAt, endsAt: meetingSlots.endsAt },
    })
    .from(meetings)
    .innerJoin(meetingSlots, eq(meetingSlots.id, meetings.slotId))
    .where(
      and(
        meetingId === undefined ? undefined : eq(meetings.id, meetingId),
        or(eq(meetings.requesterId, person.id), eq(meetings.inviteeId, person.id)),
        // A request cancelled before it was accepted was never on a calendar: no entry to cancel.
        or(eq(meetings.status, 'accepted'), and(eq(meetings.status, 'cancelled'), isNotNull(meetings.acceptedAt))),
      ),
    )
    .orderBy(asc(meetingSlots.startsAt), asc(meetings.id));
  const entries = [];
  for (const { meeting: m, slot } of rows) {
    const other = await participantById(db, m.requesterId === person.id ? m.inviteeId : m.requesterId);
    if (!other) continue;
    const described = await describeMeeting(db, { ...m, slot }, person, other);
    entries.push({ entry: described.calendar, cancelled: m.status === 'cancelled' });
  }
  return entries;
}

/**
 * One of the person's own meetings as a calendar file, for the manage link that names them: an
 * accepted meeting as a confirmed entry, a cancelled one as cancelled (the same UID, a higher
 * SEQUENCE). Anyone else's meeting, a pending or declined one: not found.
 */
export async function meetingCalendarFile(db: Db, token: string, meetingId: string): Promise<Result<{ body: string }>> {
  const person = await participantForToken(db, token);
  if (!person) return notFound('No such meeting for you');
  return meetingCalendarFileFor(db, person, meetingId);
}

/** The same for a person already identified (the exhibitor portal acts as the exhibitor's answerer). */
export async function meetingCalendarFileFor(db: Db, person: Participant, meetingId: string): Promise<Result<{ body: string }>> {
  if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return notFound('No such meeting for you');
  const [found] = await meetingCalendarEntries(db, person, meetingId);
  if (!found) return notFound('No such meeting for you');
  return ok({ body: meetingCalendar(found.entry, 'PUBLISH', found.cancelled) });
}
