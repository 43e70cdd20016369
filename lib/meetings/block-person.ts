import { and, eq } from 'drizzle-orm';
import { meetingBlocks, meetings } from '@/db/schema';
import type { Db } from '@/db/types';
import { notFound, ok, type Result } from '@/lib/errors/result';
import { answerMeeting } from './answer-meeting';

/**
 * The invitee of a request blocks whoever sent it: they can no longer ask them (told so in words),
 * and the request, if still pending, is declined. Only someone who asked the person can be blocked
 * by them, so a block cannot be used to learn who is registered.
 */
export async function blockRequester(db: Db, personId: string, meetingId: string, now = new Date()): Promise<Result> {
  const [m] = await db
    .select({ requesterId: meetings.requesterId, status: meetings.status })
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.inviteeId, personId)));
  if (!m) return notFound('No such meeting for you');
  await db.insert(meetingBlocks).values({ blockerId: personId, blockedId: m.requesterId, createdAt: now }).onConflictDoNothing();
  if (m.status === 'pending') await answerMeeting(db, personId, meetingId, 'decline', { now });
  return ok();
}

/** Takes a block back: the person may be asked by them again. */
export async function unblockPerson(db: Db, personId: string, blockedId: string): Promise<Result> {
  const removed = await db
    .delete(meetingBlocks)
    .where(and(eq(meetingBlocks.blockerId, personId), eq(meetingBlocks.blockedId, blockedId)))
    .returning({ id: meetingBlocks.blockedId });
  return removed.length ? ok() : notFound('No such block');
}
