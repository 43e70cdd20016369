import { and, count, eq, gte, isNull, sql } from 'drizzle-orm';
import { meetingBlocks, meetings } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid } from '@/lib/errors/result';
import { vmsg } from '@/lib/validation/message';

/** How many meetings one person may ask for in a day: enough for a forum, too few to spam everyone. */
export const REQUESTS_PER_DAY = 20;
/** And in an hour: a burst of requests is someone working through the whole list. */
export const REQUESTS_PER_HOUR = 5;
/** After a decline, how long the asker waits before asking the same person again. */
export const DECLINE_COOLDOWN_HOURS = 24;

/**
 * Serialises one person's requests (a transaction-scoped advisory lock on their id), so the counts
 * below are read after every earlier request of theirs committed: twelve requests sent at once
 * still make five in the hour, not twelve. Taken before the slot's lock, by requests only.
 */
export type RequesterLock = (tx: Db, requesterId: string) => Promise<void>;

export const lockRequester: RequesterLock = async (tx, requesterId) => {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`meeting-requests:${requesterId}`}, 0))`);
};

/** No lock. Only for the negative-control test, which must then see the limit overrun. */
export const withoutRequesterLock: RequesterLock = async () => {};

/** The refusal for a requester past their hourly or daily count, read under their lock; null when they may ask. */
export async function overRequestLimit(tx: Db, requesterId: string, now: Date) {
  const since = (ms: number) => new Date(now.getTime() - ms);
  const [sent] = await tx
    .select({
      day: count(),
      hour: sql<number>`count(*) filter (where ${meetings.createdAt} >= ${since(3_600_000).toISOString()}::timestamptz)`.mapWith(Number),
    })
    .from(meetings)
    .where(and(eq(meetings.requesterId, requesterId), gte(meetings.createdAt, since(86_400_000))));
  if ((sent?.hour ?? 0) >= REQUESTS_PER_HOUR) return invalid({ with: vmsg('meetingTooManyHour', { max: REQUESTS_PER_HOUR }) });
  if ((sent?.day ?? 0) >= REQUESTS_PER_DAY) return invalid({ with: vmsg('meetingTooMany', { max: REQUESTS_PER_DAY }) });
  return null;
}

/**
 * The refusal when the invitee does not take requests from the requester: they blocked them, or
 * declined their request less than the cooldown ago (a decline by proposing another time does not
 * count). Null when the requester may ask.
 */
export async function refusedByInvitee(db: Db, requesterId: string, inviteeId: string, now: Date) {
  const [blocked] = await db
    .select({ at: meetingBlocks.createdAt })
    .from(meetingBlocks)
    .where(and(eq(meetingBlocks.blockerId, inviteeId), eq(meetingBlocks.blockedId, requesterId)));
  if (blocked) return invalid({ with: vmsg('meetingBlocked') });
  const [declined] = await db
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.requesterId, requesterId),
        eq(meetings.inviteeId, inviteeId),
        eq(meetings.status, 'declined'),
        isNull(meetings.replacedBy),
        gte(meetings.answeredAt, new Date(now.getTime() - DECLINE_COOLDOWN_HOURS * 3_600_000)),
      ),
    )
    .limit(1);
  if (declined) return invalid({ with: vmsg('meetingCooldown', { hours: DECLINE_COOLDOWN_HOURS }) });
  return null;
}
