import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { liveEvents, liveRooms } from '@/db/schema';
import type { Db } from '@/db/types';
import { notify } from '@/lib/database/notify-hub';

/** The notify channel every instance's live streams listen on; the payload is "<sessionId>:<eventId>". */
export const LIVE_CHANNEL = 'live_room';

export type LiveEventKind = 'question' | 'poll' | 'room';

/** The session's room, made on first use. */
export async function ensureRoom(db: Db, sessionId: string): Promise<typeof liveRooms.$inferSelect> {
  await db.insert(liveRooms).values({ sessionId }).onConflictDoNothing();
  const [room] = await db.select().from(liveRooms).where(eq(liveRooms.sessionId, sessionId));
  return room!;
}

/**
 * Records that `subjectId` changed, inside the caller's transaction: the room's row lock draws the
 * next id, so ids of one room commit in order (no later id becomes visible before an earlier one),
 * and the notification goes out at commit (never for a rolled-back change).
 */
export async function appendEvent(tx: Db, sessionId: string, kind: LiveEventKind, subjectId: string | null): Promise<number> {
  await tx.insert(liveRooms).values({ sessionId }).onConflictDoNothing();
  const [room] = await tx
    .update(liveRooms)
    .set({ lastEventId: sql`${liveRooms.lastEventId} + 1` })
    .where(eq(liveRooms.sessionId, sessionId))
    .returning({ id: liveRooms.lastEventId });
  const id = room!.id;
  await tx.insert(liveEvents).values({ sessionId, id, kind, subjectId });
  await notify(tx, LIVE_CHANNEL, `${sessionId}:${id}`);
  return id;
}

/** The room's events after `after`, oldest first (a reconnecting client's catch-up). */
export async function eventsAfter(db: Db, sessionId: string, after: number, limit = 500) {
  return db
    .select({ id: liveEvents.id, kind: liveEvents.kind, subjectId: liveEvents.subjectId })
    .from(liveEvents)
    .where(and(eq(liveEvents.sessionId, sessionId), gt(liveEvents.id, after)))
    .orderBy(asc(liveEvents.id))
    .limit(limit);
}

/** The last event id of a room (0 before anything happened). */
export async function lastEventId(db: Db, sessionId: string): Promise<number> {
  const [room] = await db.select({ id: liveRooms.lastEventId }).from(liveRooms).where(eq(liveRooms.sessionId, sessionId));
  return room?.id ?? 0;
}
