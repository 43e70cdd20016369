import { and, eq, or } from 'drizzle-orm';
import { MEETING_OUTCOMES, meetings } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { vmsg } from '@/lib/validation/message';
import { z } from 'zod';

export const meetingOutcomeSchema = z.enum(MEETING_OUTCOMES, { error: vmsg('meetingOutcome') });

/**
 * Either side of an accepted meeting records what came of it: an MoU intended, a follow-up, or
 * nothing; the last answer stands. The organisers' figures count them.
 */
export async function recordMeetingOutcome(db: Db, personId: string, meetingId: string, value: unknown): Promise<Result> {
  const outcome = meetingOutcomeSchema.safeParse(value);
  if (!outcome.success) return invalid({ outcome: vmsg('meetingOutcome') });
  const [updated] = await db
    .update(meetings)
    .set({ outcome: outcome.data })
    .where(
      and(
        eq(meetings.id, meetingId),
        eq(meetings.status, 'accepted'),
        or(eq(meetings.requesterId, personId), eq(meetings.inviteeId, personId)),
      ),
    )
    .returning({ id: meetings.id });
  return updated ? ok() : notFound('No such accepted meeting for you');
}
