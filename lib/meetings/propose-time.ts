import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { meetingHolds, meetings } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { multiLineText } from '@/lib/validation/text';
import { queueMeetingMail } from './meeting-mail';
import { participantById } from './participant';
import { lockParties } from './party-lock';
import { meetsOnline } from './request-meeting';
import { type LockedSlot, lockOverlapping, lockSlot, type SlotLock } from './slot-lock';

/** The "propose another time" form and its server action. */
export const meetingProposalSchema = z.object({
  slotId: z.uuid({ error: vmsg('meetingSlot') }),
  message: multiLineText(500),
});

/**
 * The invitee of a pending request cannot meet then and proposes another time: the request is
 * declined (marked as replaced, so it starts no cooldown) and a request the other way is made at
 * the new time, which the first asker accepts or declines as any other. Both times' slots are locked
 * together, in the order of their ids, so two crossing proposals wait rather than deadlock; the first
 * asker is mailed.
 */
export async function proposeMeetingTime(
  db: Db,
  personId: string,
  meetingId: string,
  values: unknown,
  options: {
    now?: Date;
    slotLock?: SlotLock;
    /** Locks both times' slots together first; a no-op only in the negative-control test of crossing proposals. */
    overlapLock?: (tx: Db, slotIds: string[]) => Promise<void>;
  } = {},
): Promise<Result<{ id: string }>> {
  const now = options.now ?? new Date();
  const parsed = parseInput(meetingProposalSchema, values);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const [seen] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!seen || seen.inviteeId !== personId) return notFound('No such meeting for you');
  if (seen.status !== 'pending') return invalid({ meeting: vmsg('meetingNotPending') });
  if (input.slotId === seen.slotId) return invalid({ slotId: vmsg('meetingOtherSlot') });
  const [me, asker] = await Promise.all([participantById(db, personId), participantById(db, seen.requesterId)]);
  if (!me || !asker || asker.erased) return invalid({ meeting: vmsg('meetingNotPending') });

  return db.transaction(async (tx): Promise<Result<{ id: string }>> => {
    // Both registrations before the slots (party-lock.ts): the new request needs both still registered.
    if (!(await lockParties(tx, [me.id, asker.id])).allMayMeet) return invalid({ meeting: vmsg('meetingNotPending') });
    const lock = options.slotLock ?? lockSlot;
    const locked = new Map<string, LockedSlot | null>();
    // Both times' slots in one ordered pass: two proposals crossing between the same hours would
    // otherwise each hold one set and wait for the other's.
    await (options.overlapLock ?? lockOverlapping)(tx, [seen.slotId, input.slotId]);
    for (const id of [seen.slotId, input.slotId].sort()) locked.set(id, await lock(tx, id));
    const slot = locked.get(input.slotId);
    if (!slot || slot.eventId !== seen.eventId || slot.startsAt <= now) return invalid({ slotId: vmsg('meetingSlot') });
    if (slot.heldAtThisTime.has(me.id)) return invalid({ slotId: vmsg('meetingYouBusy') });
    if (slot.heldAtThisTime.has(asker.id)) return invalid({ slotId: vmsg('meetingTheyBusy') });
    if (slot.unavailable.has(me.id)) return invalid({ slotId: vmsg('meetingYouUnavailable') });
    if (slot.unavailable.has(asker.id)) return invalid({ slotId: vmsg('meetingTheyUnavailable') });
    // The asked request is replaced first: answered or cancelled meanwhile, nothing is written.
    const nextId = randomUUID();
    const [replaced] = await tx
      .update(meetings)
      .set({ status: 'declined', replacedBy: nextId, answeredAt: now })
      .where(and(eq(meetings.id, seen.id), eq(meetings.status, 'pending')))
      .returning({ id: meetings.id });
    if (!replaced) return invalid({ meeting: vmsg('meetingNotPending') });
    const online = seen.online || meetsOnline(false, slot, me, asker);
    await tx.insert(meetings).values({
      id: nextId,
      eventId: seen.eventId,
      slotId: slot.id,
      requesterId: me.id,
      inviteeId: asker.id,
      listingId: seen.listingId,
      exhibitorId: seen.exhibitorId,
      message: input.message,
      online,
      createdAt: now,
    });
    await tx.delete(meetingHolds).where(eq(meetingHolds.meetingId, seen.id));
    await tx.insert(meetingHolds).values([
      { slotId: slot.id, registrationId: me.id, meetingId: nextId },
      { slotId: slot.id, registrationId: asker.id, meetingId: nextId },
    ]);
    const facts = { id: nextId, slot, tableNo: null, online, meetingUrl: null, message: input.message };
    await queueMeetingMail(tx, 'proposed', facts, asker, me);
    return ok({ id: nextId });
  });
}
