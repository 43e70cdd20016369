import type { Db } from '@/db/types';
import { subscribe, type Unsubscribe } from '@/lib/database/notify-hub';
import { eventsAfter, LIVE_CHANNEL } from './events';

/** How often an idle stream sends a comment (proxies close silent connections) and re-reads the room. */
export const HEARTBEAT_MS = 15_000;

export type RoomEvent = Awaited<ReturnType<typeof eventsAfter>>[number];

/** What a room feed asks of each of its streams. */
export type RoomMember = {
  /** Read the events after the last one sent (a notification came, or the listening connection was lost). */
  pump: () => void;
  /** The shared heartbeat: send a comment, then pump. */
  beat: () => void;
};

/**
 * One room's streams on this instance: one subscription, one heartbeat timer and, per notification,
 * one read of the room's events for every stream caught up to the same event, however many they are
 * (2,000 viewers of a highlighted question cost one `eventsAfter`, not 2,000). Streams behind (a
 * reconnect resuming after an older Last-Event-ID) read from where each is, sharing with any other
 * stream at the same place.
 */
export class RoomFeed {
  private readonly members = new Set<RoomMember>();
  /** Reads begun since this room's last notification, by the id they read after. */
  private readonly reads = new Map<number, Promise<RoomEvent[]>>();
  private readonly unsubscribe: Unsubscribe;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  /** Settles once notifications of this room reach the feed: a stream's first read waits for it. */
  readonly listening: Promise<void>;

  constructor(
    private readonly db: Db,
    private readonly sessionId: string,
    private readonly onEmpty: () => void,
  ) {
    const prefix = `${sessionId}:`;
    this.unsubscribe = subscribe(LIVE_CHANNEL, (payload) => {
      if (payload === null || payload.startsWith(prefix)) this.changed();
    });
    this.listening = this.unsubscribe.listening;
    this.heartbeat = setInterval(() => {
      this.reads.clear();
      for (const member of [...this.members]) member.beat();
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  get size(): number {
    return this.members.size;
  }

  join(member: RoomMember): () => void {
    this.members.add(member);
    return () => {
      if (!this.members.delete(member) || this.members.size > 0) return;
      clearInterval(this.heartbeat);
      this.unsubscribe();
      this.onEmpty();
    };
  }

  /**
   * The room's events after `after`, oldest first (at most 500). A read already begun after the
   * room's last notification is shared: it began after that notification's event committed, so it
   * holds that event; a notification arriving while it runs makes every stream read again.
   */
  read(after: number): Promise<RoomEvent[]> {
    let read = this.reads.get(after);
    if (!read) {
      const started = eventsAfter(this.db, this.sessionId, after);
      read = started;
      this.reads.set(after, started);
      const forget = () => {
        if (this.reads.get(after) === started) this.reads.delete(after);
      };
      started.then(forget, forget);
    }
    return read;
  }

  private changed(): void {
    // Reads begun before this notification may miss its event: later pumps start fresh ones.
    this.reads.clear();
    for (const member of [...this.members]) member.pump();
  }
}

const feeds = new WeakMap<Db, Map<string, RoomFeed>>();

/** The feed of a session's room on this instance (made by its first stream, dropped after its last). */
export function roomFeed(db: Db, sessionId: string): RoomFeed {
  let rooms = feeds.get(db);
  if (!rooms) {
    rooms = new Map();
    feeds.set(db, rooms);
  }
  let feed = rooms.get(sessionId);
  if (!feed) {
    const made: RoomFeed = new RoomFeed(db, sessionId, () => {
      if (rooms.get(sessionId) === made) rooms.delete(sessionId);
    });
    feed = made;
    rooms.set(sessionId, made);
  }
  return feed;
}
