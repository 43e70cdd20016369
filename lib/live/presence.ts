import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { liveViewers, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { log } from '@/lib/observability/log';

/** How often an instance re-writes its counts (seen_at), and how old a row may be and still count. */
export const PRESENCE_REFRESH_MS = 10_000;
export const PRESENCE_STALE_MS = 30_000;
/** A change is written this soon after it happens (connections come and go in bursts). */
const FLUSH_DELAY_MS = 1_000;

/**
 * The attendees one app instance has connected to each session's live room. Its counts live in
 * memory and are written to `live_viewers` under the instance's own id, on a change (a second later)
 * and every 10 s; the dashboard adds up every instance's fresh rows (`liveViewerCounts`).
 */
export class PresenceTracker {
  private readonly counts = new Map<string, number>();
  private readonly changed = new Set<string>();
  private flushTimer: NodeJS.Timeout | null = null;
  private refreshTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    readonly instanceId: string = randomUUID(),
  ) {}

  /** One more viewer of a session; call the returned function (once) when they leave. */
  join(sessionId: string): () => void {
    this.bump(sessionId, 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.bump(sessionId, -1);
    };
  }

  private bump(sessionId: string, by: number) {
    const next = (this.counts.get(sessionId) ?? 0) + by;
    if (next > 0) this.counts.set(sessionId, next);
    else this.counts.delete(sessionId);
    this.changed.add(sessionId);
    this.flushTimer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
    this.flushTimer.unref?.();
    if (!this.refreshTimer) {
      this.refreshTimer = setInterval(() => {
        for (const id of this.counts.keys()) this.changed.add(id);
        void this.flush();
      }, PRESENCE_REFRESH_MS);
      this.refreshTimer.unref?.();
    }
  }

  /** Writes what changed (and, from the refresh, every count still open); one write at a time. */
  flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.flushing = this.flushing.then(async () => {
      const ids = [...this.changed];
      this.changed.clear();
      if (!ids.length) return;
      const open = ids.filter((id) => this.counts.has(id));
      const gone = ids.filter((id) => !this.counts.has(id));
      try {
        if (gone.length)
          await this.db.delete(liveViewers).where(and(eq(liveViewers.instanceId, this.instanceId), inArray(liveViewers.sessionId, gone)));
        if (open.length)
          await this.db
            .insert(liveViewers)
            .values(open.map((sessionId) => ({ instanceId: this.instanceId, sessionId, viewers: this.counts.get(sessionId)! })))
            .onConflictDoUpdate({
              target: [liveViewers.instanceId, liveViewers.sessionId],
              set: { viewers: sql`excluded.viewers`, seenAt: sql`now()` },
            });
      } catch (error) {
        // Tried again at the next change or refresh.
        for (const id of ids) this.changed.add(id);
        log().warn({ err: error }, 'live presence: writing counts failed');
      }
    });
    return this.flushing;
  }

  /** Stops the timers and removes this instance's rows (a clean shutdown; a crash is left to staleness). */
  async stop(): Promise<void> {
    if (this.refreshTimer) clearInterval(this.refreshTimer);
    this.refreshTimer = null;
    for (const id of this.counts.keys()) this.changed.add(id);
    this.counts.clear();
    await this.flush();
  }
}

let processTracker: PresenceTracker | null = null;

/** This process's tracker (one per app instance). */
export function presence(db: Db): PresenceTracker {
  processTracker ??= new PresenceTracker(db);
  return processTracker;
}

/** Attendees connected now to each session of an event's live rooms, over every instance (fresh rows only). */
export async function liveViewerCounts(db: Db, eventId: string): Promise<{ sessionId: string; viewers: number }[]> {
  const viewers = sql<number>`sum(${liveViewers.viewers})::int`;
  return db
    .select({ sessionId: liveViewers.sessionId, viewers })
    .from(liveViewers)
    .innerJoin(sessions, eq(sessions.id, liveViewers.sessionId))
    .where(and(eq(sessions.eventId, eventId), gt(liveViewers.seenAt, sql`now() - make_interval(secs => ${PRESENCE_STALE_MS / 1000})`)))
    .groupBy(liveViewers.sessionId)
    .orderBy(desc(viewers));
}
