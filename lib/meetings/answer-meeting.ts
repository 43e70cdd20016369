import { and, eq, sql } from 'drizzle-orm';
import { meetings, meetingSlots } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { vmsg } from '@/lib/validation/message';
import { endMeeting } from './end-meeting';
import { generatedMeetingUrl } from './meeting-link';
import { queueMeetingMail } from './meeting-mail';
import { participantById } from './participant';
import { lockParties } from './party-lock';
import { meetingUrlSchema, type MeetingDecision } from './request-schema';
import { freeTable, lockSlot, type SlotLock } from './slot-lock';

/** How long before a meeting its reminder goes out. */
export const REMINDER_BEFORE_MS = 60 * 60_000;

export type MeetingAnswerOptions = {
  now?: Date;
  slotLock?: SlotLock;
  /** On accepting an online meeting: the link the invitee entered; empty or absent for a generated one. */
  meetingUrl?: unknown;
  /** The parties' registration lock; replaced only in the negative-control test of a crossing cancellation. */
  partyLock?: typeof lockParties;
};

type Answered = { id: string; tableNo: number | null; meetingUrl: string | null };

/**
 * The invitee accepts (the meeting gets the slot's lowest free table, or its link when online) or
 * declines a pending request; either side cancels a pending or accepted meeting, which frees the
 * slot for both and the table. Each under the slot's lock; the state changes only from the state
 * read under it. Every answer mails the other side; an acceptance also queues both people's
 * reminders for the hour before, which a cancellation takes back.
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
    // Both registrations before the slot (party-lock.ts); an accept needs both still registered.
    const parties = await (options.partyLock ?? lockParties)(tx, [seen.requesterId, seen.inviteeId]);
    if (decision === 'accept' && !parties.allMayMeet) return invalid({ meeting: vmsg('meetingNotPending') });
    const slot = await (options.slotLock ?? lockSlot)(tx, seen.slotId);
    if (!slot) return notFound('No such meeting for you');
    const [requester, invitee] = await Promise.all([participantById(tx, seen.requesterId), participantById(tx, seen.inviteeId)]);
    const facts = { id: seen.id, slot, online: seen.online, message: '' };
    if (decision === 'accept') {
      // Read under the lock above, which the check already passed; the types want them present.
      if (!requester || !invitee) return invalid({ meeting: vmsg('meetingNotPending') });
      // An online meeting takes no table; it gets its link instead.
      const table = seen.online ? null : freeTable(slot);
      if (!seen.online && table === null) return invalid({ meeting: vmsg('meetingNoTable') });
      const meetingUrl = seen.online ? url.data || generatedMeetingUrl() : null;
      const [taken] = await tx
        .update(meetings)
        .set({ status: 'accepted', tableNo: table, meetingUrl, answeredAt: now, acceptedAt: now })
        .where(and(eq(meetings.id, seen.id), eq(meetings.status, 'pending')))
        .returning({ id: meetings.id });
      if (!taken) return invalid({ meeting: vmsg('meetingNotPending') });
      if (table !== null)
        await tx
          .update(meetingSlots)
          .set({ tablesTaken: sql`${meetingSlots.tablesTaken} + 1` })
          .where(eq(meetingSlots.id, slot.id));
      const accepted = { ...facts, tableNo: table, meetingUrl };
      if (!requester.erased) await queueMeetingMail(tx, 'accepted', accepted, requester, invitee, { calendar: 'REQUEST' });
      const remindAt = new Date(slot.startsAt.getTime() - REMINDER_BEFORE_MS);
      const reminders: string[] = [];
      if (remindAt > now)
        for (const [to, other] of [
          [requester, invitee],
          [invitee, requester],
        ] as const)
          if (!to.erased) reminders.push(await queueMeetingMail(tx, 'reminder', accepted, to, other, { notBefore: remindAt }));
      if (reminders.length) await tx.update(meetings).set({ reminderMailIds: reminders }).where(eq(meetings.id, seen.id));
      return ok({ id: seen.id, tableNo: table, meetingUrl });
    }
    const ended = await endMeeting(tx, seen, slot, decision, personId, { requester, invitee }, now);
    if (!ended) return invalid({ meeting: vmsg('meetingNotPending') });
    return ok({ id: seen.id, tableNo: null, meetingUrl: null });
  });
}
