import { sql } from 'drizzle-orm';
import type { ListenConnection } from '@/db/listen';
import type { OpenDatabase } from '@/db/open';
import type { Db } from '@/db/types';
import { log } from '@/lib/observability/log';
import { database } from './process-database';

/**
 * PostgreSQL LISTEN/NOTIFY for the app: one instance tells the others (and itself) that something
 * changed, e.g. that an event's published agenda must be read again.
 *
 *     await notify(tx, 'agenda_changed', eventId);            // delivered when tx commits, never if it rolls back
 *     const stop = subscribe('agenda_changed', (eventId) => { … });
 *
 * A handler receives the payload, or `null` when notifications may have been missed (the listening
 * connection was lost and is back): a cache then drops everything. Delivery is at most once and only
 * to processes listening at the time; a notification is a hint to read the database again, never the
 * data itself. One listening connection per process carries every channel (db/listen.ts).
 */
export type NotifyHandler = (payload: string | null) => void;

/** Stops the subscription. `listening` settles once the LISTEN is in place (tests wait for it). */
export type Unsubscribe = (() => void) & { listening: Promise<void> };

export type NotifyHub = {
  subscribe: (channel: string, handler: NotifyHandler) => Unsubscribe;
  close: () => Promise<void>;
};

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;
/** PostgreSQL refuses payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7999;

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`notify channel must be a lower-case identifier: ${channel}`);
}

/**
 * Sends `payload` on `channel`. Inside a transaction PostgreSQL delivers it at commit (and drops it on
 * rollback); identical notifications in one transaction are delivered once.
 */
export async function notify(db: Db, channel: string, payload: string): Promise<void> {
  checkChannel(channel);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD_BYTES) throw new Error(`notify payload over ${MAX_PAYLOAD_BYTES} bytes on ${channel}`);
  await db.execute(sql`select pg_notify(${channel}, ${payload})`);
}

/** A hub on one opened database: its own listening connection, opened at the first subscription. */
export function createNotifyHub(opened: Pick<OpenDatabase, 'openListener'>): NotifyHub {
  const handlers = new Map<string, Set<NotifyHandler>>();
  const listening = new Map<string, Promise<void>>();
  let connection: ListenConnection | undefined;
  let closed = false;

  const deliver = (handler: NotifyHandler, payload: string | null, channel: string) => {
    try {
      handler(payload);
    } catch (error) {
      log().error({ err: error, channel }, 'notify handler failed');
    }
  };

  const open = () =>
    (connection ??= opened.openListener({
      onNotify: (channel, payload) => {
        for (const handler of [...(handlers.get(channel) ?? [])]) deliver(handler, payload, channel);
      },
      onReconnect: () => {
        log().warn('notify: listening connection re-established; subscribers resynchronise');
        for (const [channel, set] of handlers) for (const handler of [...set]) deliver(handler, null, channel);
      },
      onError: (error) => log().warn({ err: error }, 'notify: reconnecting the listening connection failed, retrying'),
    }));

  return {
    subscribe: (channel, handler) => {
      checkChannel(channel);
      if (closed) throw new Error('notify hub is closed');
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
      }
      set.add(handler);
      let ready = listening.get(channel);
      if (!ready) {
        ready = open().listen(channel);
        listening.set(channel, ready);
        ready.catch((error) => {
          log().error({ err: error, channel }, 'notify: LISTEN failed');
          if (listening.get(channel) === ready) listening.delete(channel);
        });
      }
      let active = true;
      const unsubscribe = () => {
        if (!active) return;
        active = false;
        const current = handlers.get(channel);
        current?.delete(handler);
        if (current && current.size === 0 && !closed) {
          handlers.delete(channel);
          listening.delete(channel);
          connection?.unlisten(channel).catch(() => {});
        }
      };
      return Object.assign(unsubscribe, { listening: ready });
    },
    close: async () => {
      closed = true;
      handlers.clear();
      listening.clear();
      await connection?.close();
    },
  };
}

const KEY = Symbol.for('hybrid-forum.notify-hub');
type Holder = { [KEY]?: Promise<NotifyHub> };

/** The process's hub, on the process database (kept on globalThis like the database itself). */
function processHub(): Promise<NotifyHub> {
  const holder = globalThis as Holder;
  holder[KEY] ??= database().then((opened) => createNotifyHub(opened));
  holder[KEY].catch(() => {
    delete holder[KEY];
  });
  return holder[KEY];
}

/** Subscribes on the process's hub: `handler` runs for every notification on `channel` until stopped. */
export function subscribe(channel: string, handler: NotifyHandler): Unsubscribe {
  checkChannel(channel);
  let stop: Unsubscribe | undefined;
  let stopped = false;
  const listening = processHub().then((hub) => {
    if (stopped) return;
    stop = hub.subscribe(channel, handler);
    return stop.listening;
  });
  listening.catch(() => {});
  return Object.assign(
    () => {
      stopped = true;
      stop?.();
    },
    { listening },
  );
}

/** Closes the process's hub (graceful shutdown, tests). */
export async function closeNotifyHub(): Promise<void> {
  const holder = globalThis as Holder;
  const hub = holder[KEY];
  delete holder[KEY];
  await (await hub?.catch(() => undefined))?.close();
}
