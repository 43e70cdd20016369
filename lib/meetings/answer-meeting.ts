import { and, eq, inArray, sql } from 'drizzle-orm';
import { meetingHolds, meetings, meetingSlots } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { vmsg } from '@/lib/validation/message';
import { queueMeetingMail } from './meeting-mail';
import { participantById } from './participant';
import { generatedMeetingUrl } from './meeting-link';
import { meetingUrlSchema, type MeetingDecision } from './request-schema';
import { freeTable, lockSlot, type SlotLock } from './slot-lock';

export type MeetingAnswerOptions = {
  now?: Date;
  slotLock?: SlotLock;
  /** On accepting an online meeting: the link the invitee entered; empty or absent for a generated one. */
  meetingUrl?: unknown;
};

type Answered = { id: string; tableNo: number | null; meetingUrl: string | null };

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
): Promise<Result<Answered>> {
  const now = options.now ?? new Date();
  const url = meetingUrlSchema.safeParse(options.meetingUrl ?? '');
  if (!url.success) return invalid({ meetingUrl: url.error.issues[0]?.message ?? vmsg('https') });
  const [seen] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  const mine = seen && (decision === 'cancel' ? [seen.requesterId, seen.inviteeId] : [seen.inviteeId]).includes(personId);
  if (!seen || !mine) return notFound('No such meeting for you');

  return db.transaction(async (tx): Promise<Result<Answered>> => {
    const slot = await (options.slotLock ?? lockSlot)(tx, seen.slotId);
    if (!slot) return notFound('No such meeting for you');
    if (decision === 'accept') {
      // An online meeting takes no table; it gets its link instead.
      const table = seen.online ? null : freeTable(slot);
      if (!seen.online && table === null) return invalid({ meeting: vmsg('meetingNoTable') });
      const meetingUrl = seen.online ? url.data || generatedMeetingUrl() : null;
      const [taken] = await tx
        .update(meetings)
        .set({ status: 'accepted', tableNo: table, meetingUrl, answeredAt: now })
        .where(and(eq(meetings.id, seen.id), eq(meetings.status, 'pending')))
        .returning({ id: meetings.id });
      if (!taken) return invalid({ meeting: vmsg('meetingNotPending') });
      if (table !== null)
        await tx
          .update(meetingSlots)
          .set({ tablesTaken: sql`${meetingSlots.tablesTaken} + 1` })
          .where(eq(meetingSlots.id, slot.id));
      const [requester, invitee] = await Promise.all([participantById(tx, seen.requesterId), participantById(tx, seen.inviteeId)]);
      if (requester && invitee && !requester.erased)
        await queueMeetingMail(tx, 'accepted', { slot, tableNo: table, online: seen.online, meetingUrl, message: '' }, requester, invitee);
      return ok({ id: seen.id, tableNo: table, meetingUrl });
    }
    const from = decision === 'decline' ? (['pending'] as const) : (['pending', 'accepted'] as const);
    const [before] = await tx
      .select({ status: meetings.status, tableNo: meetings.tableNo })
      .from(meetings)
      .where(and(eq(meetings.id, seen.id), inArray(meetings.status, [...from])));
    const [changed] = await tx
      .update(meetings)
      .set({ status: decision === 'decline' ? 'declined' : 'cancelled', tableNo: null, meetingUrl: null, outcome: null, answeredAt: now })
      .where(and(eq(meetings.id, seen.id), inArray(meetings.status, [...from])))
      .returning({ id: meetings.id });
    if (!changed || !before) return invalid({ meeting: vmsg('meetingNotPending') });
    if (before.tableNo !== null)
      await tx
        .update(meetingSlots)
        .set({ tablesTaken: sql`${meetingSlots.tablesTaken} - 1` })
        .where(eq(meetingSlots.id, slot.id));
    await tx.delete(meetingHolds).where(eq(meetingHolds.meetingId, seen.id));
    return ok({ id: seen.id, tableNo: null, meetingUrl: null });
  });
}
