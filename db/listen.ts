import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/**
 * One connection that LISTENs for PostgreSQL notifications (NOTIFY / pg_notify) on behalf of a whole
 * process. lib/database/notify-hub.ts fans its notifications out to subscribers.
 *
 * On PostgreSQL it is a connection of its own, outside both pools (a LISTEN belongs to a session, and
 * a pooled connection goes back to others). When it is lost (PostgreSQL restarted, the backend
 * terminated, the network cut) it reconnects with a growing delay (0.1 s doubling to 5 s) and LISTENs
 * again on every channel; notifications sent while it was away are gone, so `onReconnect` tells the
 * subscribers to treat everything as changed. postgres.js's own `sql.listen` re-listens once and drops
 * the listener silently if that one attempt fails, hence this loop.
 * On PGlite everything runs in this process: nothing is ever lost.
 */
export type ListenConnection = {
  listen: (channel: string) => Promise<void>;
  unlisten: (channel: string) => Promise<void>;
  close: () => Promise<void>;
};

export type ListenEvents = {
  onNotify: (channel: string, payload: string) => void;
  /** The connection was lost and is listening again: notifications in between may be missing. */
  onReconnect: () => void;
  /** A reconnect attempt failed (it is retried). */
  onError?: (error: unknown) => void;
};

/** The application_name the listening connection shows in pg_stat_activity. */
export const LISTEN_APPLICATION_NAME = 'hybrid-forum listen';

const quoted = (channel: string) => `"${channel.replace(/"/g, '""')}"`;

export function postgresListenConnection(url: string, events: ListenEvents): ListenConnection {
  const channels = new Set<string>();
  let closed = false;
  let reconnecting = false;
  let lostWhileReconnecting = false;
  let timer: NodeJS.Timeout | undefined;

  // postgres.js hands notifications to `onnotify`, which its types leave out.
  const options: postgres.Options<Record<string, never>> & { onnotify: (channel: string, payload: string) => void } = {
    max: 1,
    idle_timeout: 0,
    max_lifetime: null,
    fetch_types: false,
    onnotice: () => {},
    connection: { application_name: LISTEN_APPLICATION_NAME },
    onnotify: (channel, payload) => events.onNotify(channel, payload),
    onclose: () => {
      if (closed || channels.size === 0) return;
      if (reconnecting) {
        lostWhileReconnecting = true;
        return;
      }
      reconnect(100);
    },
  };
  const sql = postgres(url, options);

  function reconnect(delay: number): void {
    reconnecting = true;
    timer = setTimeout(async () => {
      if (closed) return;
      lostWhileReconnecting = false;
      try {
        // One statement per channel on the fresh connection (postgres.js opens it for the first).
        for (const channel of channels) await sql.unsafe(`LISTEN ${quoted(channel)}`);
      } catch (error) {
        events.onError?.(error);
        reconnect(Math.min(delay * 2, 5_000));
        return;
      }
      if (lostWhileReconnecting) {
        reconnect(100);
        return;
      }
      reconnecting = false;
      events.onReconnect();
    }, delay);
    timer.unref();
  }

  return {
    listen: async (channel) => {
      channels.add(channel);
      await sql.unsafe(`LISTEN ${quoted(channel)}`);
    },
    unlisten: async (channel) => {
      channels.delete(channel);
      await sql.unsafe(`UNLISTEN ${quoted(channel)}`);
    },
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await sql.end({ timeout: 1 });
    },
  };
}

export function pgliteListenConnection(client: PGlite, events: ListenEvents): ListenConnection {
  const stops = new Map<string, () => Promise<void>>();
  return {
    listen: async (channel) => {
      if (stops.has(channel)) return;
      stops.set(channel, await client.listen(channel, (payload) => events.onNotify(channel, payload)));
    },
    unlisten: async (channel) => {
      const stop = stops.get(channel);
      stops.delete(channel);
      await stop?.();
    },
    close: async () => {
      const all = [...stops.values()];
      stops.clear();
      if (!client.closed) await Promise.all(all.map((stop) => stop()));
    },
  };
}
