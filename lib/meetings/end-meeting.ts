import { and, eq, inArray, sql } from 'drizzle-orm';
import { meetingHolds, meetings, meetingSlots } from '@/db/schema';
import type { Db } from '@/db/types';
import { type MeetingMailKind, queueMeetingMail } from './meeting-mail';
import type { Participant } from './participant';
import type { LockedSlot } from './slot-lock';

type MeetingRow = typeof meetings.$inferSelect;

/** The mail each decision sends to the other side, and to the side it was made for (none on a decline). */
const MAILS: Record<'decline' | 'cancel' | 'withdraw', { other: MeetingMailKind; own: MeetingMailKind | null }> = {
  decline: { other: 'declined', own: null },
  cancel: { other: 'cancelled', own: 'cancelledByYou' },
  withdraw: { other: 'withdrawn', own: 'cancelledWithRegistration' },
};

/**
 * Declines a pending request, or cancels a pending or accepted meeting, under its slot's lock (the
 * caller holds it): the state changes only from the one read under the lock; the table and both
 * people's time are freed, the reminders not yet sent taken back; the other side is mailed, and on a
 * cancellation whoever cancelled too, both with the calendar's cancellation when it was accepted.
 * `withdraw` is a cancellation that nobody chose: `personId`'s registration was cancelled (perhaps by
 * an organiser), so neither mail says that a person cancelled the meeting.
 * False when the meeting was no longer in a state the decision applies to.
 */
export async function endMeeting(
  tx: Db,
  seen: MeetingRow,
  slot: LockedSlot,
  decision: keyof typeof MAILS,
  personId: string,
  people: { requester: Participant | null; invitee: Participant | null },
  now: Date,
): Promise<boolean> {
  const from = decision === 'decline' ? (['pending'] as const) : (['pending', 'accepted'] as const);
  const [before] = await tx
    .select({ status: meetings.status, tableNo: meetings.tableNo, reminders: meetings.reminderMailIds })
    .from(meetings)
    .where(and(eq(meetings.id, seen.id), inArray(meetings.status, [...from])));
  const [changed] = await tx
    .update(meetings)
    .set({
      status: decision === 'decline' ? 'declined' : 'cancelled',
      tableNo: null,
      meetingUrl: null,
      outcome: null,
      reminderMailIds: [],
      answeredAt: now,
    })
    .where(and(eq(meetings.id, seen.id), inArray(meetings.status, [...from])))
    .returning({ id: meetings.id });
  if (!changed || !before) return false;
  if (before.tableNo !== null)
    await tx
      .update(meetingSlots)
      .set({ tablesTaken: sql`${meetingSlots.tablesTaken} - 1` })
      .where(eq(meetingSlots.id, slot.id));
  await tx.delete(meetingHolds).where(eq(meetingHolds.meetingId, seen.id));
  // The reminders not yet sent are taken back: a cancelled meeting is never reminded of.
  if (before.reminders.length)
    await tx.execute(sql`delete from outbox where id = any(${sql.param(before.reminders)}::uuid[]) and status in ('queued', 'retry')`);
  const facts = { id: seen.id, slot, online: seen.online, message: '', tableNo: before.tableNo, meetingUrl: null };
  const calendar = before.status === 'accepted' ? ({ calendar: 'CANCEL' } as const) : {};
  const [to, by] = seen.requesterId === personId ? [people.invitee, people.requester] : [people.requester, people.invitee];
  const { other, own } = MAILS[decision];
  if (to && by && !to.erased) await queueMeetingMail(tx, other, facts, to, by, calendar);
  // Whoever cancels is told too, with the calendar's cancellation: both calendars drop the meeting.
  if (own && to && by && !by.erased) await queueMeetingMail(tx, own, facts, by, to, calendar);
  return true;
}
