import { and, eq, inArray, sql } from 'drizzle-orm';
import { meetingHolds, meetings, meetingSlots } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { vmsg } from '@/lib/validation/message';
import { queueMeetingMail } from './meeting-mail';
import { participantById } from './participant';
import type { MeetingDecision } from './request-schema';
import { freeTable, lockSlot, type SlotLock } from './slot-lock';

export type MeetingAnswerOptions = { now?: Date; slotLock?: SlotLock };

/**
 * The invitee accepts (the meeting gets the slot's lowest free table) or declines a pending
 * request; either side cancels a pending or accepted meeting, which frees the slot for both and
 * the table. Each under the slot's lock; the state changes only from the state read under it.
 */
export async function answerMeeting(
  db: Db,
  personId: string,
  meetingId: string,
  decision: MeetingDecision,
  options: MeetingAnswerOptions = {},
): Promise<Result<{ id: string; tableNo: number | null }>> {
  const now = options.now ?? new Date();
  const [seen] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  const mine = seen && (decision === 'cancel' ? [seen.requesterId, seen.inviteeId] : [seen.inviteeId]).includes(personId);
  if (!seen || !mine) return notFound('No such meeting for you');

  return db.transaction(async (tx): Promise<Result<{ id: string; tableNo: number | null }>> => {
    const slot = await (options.slotLock ?? lockSlot)(tx, seen.slotId);
    if (!slot) return notFound('No such meeting for you');
    if (decision === 'accept') {
      const table = freeTable(slot);
      if (table === null) return invalid({ meeting: vmsg('meetingNoTable') });
      const [taken] = await tx
        .update(meetings)
        .set({ status: 'accepted', tableNo: table, answeredAt: now })
        .where(and(eq(meetings.id, seen.id), eq(meetings.status, 'pending')))
        .returning({ id: meetings.id });
      if (!taken) return invalid({ meeting: vmsg('meetingNotPending') });
      await tx
        .update(meetingSlots)
        .set({ tablesTaken: sql`${meetingSlots.tablesTaken} + 1` })
        .where(eq(meetingSlots.id, slot.id));
      const [requester, invitee] = await Promise.all([participantById(tx, seen.requesterId), participantById(tx, seen.inviteeId)]);
      if (requester && invitee && !requester.erased)
        await queueMeetingMail(tx, 'accepted', { slot, tableNo: table, message: '' }, requester, invitee);
      return ok({ id: seen.id, tableNo: table });
    }
    const from = decision === 'decline' ? (['pending'] as const) : (['pending', 'accepted'] as const);
    const [before] = await tx
      .select({ status: meetings.status })
      .from(meetings)
      .where(and(eq(meetings.id, seen.id), inArray(meetings.status, [...from])));
    const [changed] = await tx
      .update(meetings)
      .set({ status: decision === 'decline' ? 'declined' : 'cancelled', tableNo: null, outcome: null, answeredAt: now })
      .where(and(eq(meetings.id, seen.id), inArray(meetings.status, [...from])))
      .returning({ id: meetings.id });
    if (!changed || !before) return invalid({ meeting: vmsg('meetingNotPending') });
    if (before.status === 'accepted')
      await tx
        .update(meetingSlots)
        .set({ tablesTaken: sql`${meetingSlots.tablesTaken} - 1` })
        .where(eq(meetingSlots.id, slot.id));
    await tx.delete(meetingHolds).where(eq(meetingHolds.meetingId, seen.id));
    return ok({ id: seen.id, tableNo: null });
  });
}
