import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LISTEN_APPLICATION_NAME } from '@/db/listen';
import { openDatabase, type OpenDatabase } from '@/db/open';
import { createNotifyHub, notify, type NotifyHub } from '@/lib/database/notify-hub';
import { createTestDatabase, type TestDatabase, usingPostgres } from '../helpers/db';

let t: TestDatabase;
let hub: NotifyHub;

beforeAll(async () => {
  t = await createTestDatabase();
  hub = createNotifyHub(t);
});

afterAll(async () => {
  await hub?.close();
  await t?.close();
});

/** Collects what a handler receives; `next()` resolves with the next payload (or fails after 2 s). */
function inbox() {
  const received: (string | null)[] = [];
  const waiting: ((payload: string | null) => void)[] = [];
  return {
    received,
    handler: (payload: string | null) => {
      received.push(payload);
      waiting.shift()?.(payload);
    },
    next: () =>
      new Promise<string | null>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no notification within 2 s (got ${JSON.stringify(received)})`)), 2_000);
        waiting.push((payload) => {
          clearTimeout(timer);
          resolve(payload);
        });
      }),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe(`notify hub (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('delivers a notification sent outside a transaction to every subscriber of the channel, and only them', async () => {
    const a = inbox();
    const b = inbox();
    const other = inbox();
    const stops = [
      hub.subscribe('hub_test_a', a.handler),
      hub.subscribe('hub_test_a', b.handler),
      hub.subscribe('hub_test_other', other.handler),
    ];
    await Promise.all(stops.map((stop) => stop.listening));
    const [gotA, gotB] = [a.next(), b.next()];
    await notify(t.db, 'hub_test_a', 'event-1');
    expect(await gotA).toBe('event-1');
    expect(await gotB).toBe('event-1');
    await settle();
    expect(other.received).toEqual([]);
    for (const stop of stops) stop();
  });

  it('delivers a notification sent inside a transaction at commit, and never one whose transaction rolled back', async () => {
    const a = inbox();
    const stop = hub.subscribe('hub_test_tx', a.handler);
    await stop.listening;
    await t.db
      .transaction(async (tx) => {
        await notify(tx, 'hub_test_tx', 'rolled-back');
        throw new Error('roll back');
      })
      .catch(() => {});
    const got = a.next();
    await t.db.transaction(async (tx) => {
      await notify(tx, 'hub_test_tx', 'committed');
      await settle();
      // Not before the commit.
      expect(a.received).toEqual([]);
    });
    expect(await got).toBe('committed');
    await settle();
    expect(a.received).toEqual(['committed']);
    stop();
  });

  it('stops delivering after unsubscribe, keeps other handlers, and a throwing handler does not stop the rest', async () => {
    const kept = inbox();
    const dropped = inbox();
    const stopKept = hub.subscribe('hub_test_unsub', kept.handler);
    const stopThrowing = hub.subscribe('hub_test_unsub', () => {
      throw new Error('handler bug');
    });
    const stopDropped = hub.subscribe('hub_test_unsub', dropped.handler);
    await Promise.all([stopKept.listening, stopDropped.listening, stopThrowing.listening]);
    stopDropped();
    const got = kept.next();
    await notify(t.db, 'hub_test_unsub', 'x');
    expect(await got).toBe('x');
    await settle();
    expect(dropped.received).toEqual([]);
    stopKept();
    stopThrowing();
    await settle();
    // Nobody left on the channel: it is no longer listened to, and a new notification goes nowhere.
    await notify(t.db, 'hub_test_unsub', 'y');
    await settle();
    expect(kept.received).toEqual(['x']);
  });

  it('refuses channel names that are not lower-case identifiers and payloads PostgreSQL would refuse', async () => {
    expect(() => hub.subscribe('Bad-Channel', () => {})).toThrow(/lower-case identifier/);
    await expect(notify(t.db, 'bad channel', 'x')).rejects.toThrow(/lower-case identifier/);
    await expect(notify(t.db, 'hub_test_big', 'x'.repeat(8000))).rejects.toThrow(/payload over/);
  });

  it.skipIf(!usingPostgres)('reaches another process: a second hub on its own connection to the same database receives it', async () => {
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${t.name}`;
    const second: OpenDatabase = await openDatabase({ databaseUrl: url.toString(), maxConnections: 2 });
    const otherHub = createNotifyHub(second);
    try {
      const a = inbox();
      const stop = otherHub.subscribe('hub_test_cross', a.handler);
      await stop.listening;
      const got = a.next();
      await notify(t.db, 'hub_test_cross', 'from-the-first');
      expect(await got).toBe('from-the-first');
    } finally {
      await otherHub.close();
      await second.close();
    }
  });

  it.skipIf(!usingPostgres)(
    'reconnects when its listening connection is killed: subscribers get null (resynchronise), then notifications again',
    async () => {
      const a = inbox();
      const stop = hub.subscribe('hub_test_reconnect', a.handler);
      await stop.listening;
      const url = new URL(process.env.DATABASE_URL as string);
      url.pathname = `/${t.name}`;
      const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
      try {
        const resync = a.next();
        const killed = await admin`select pg_terminate_backend(pid) as done from pg_stat_activity
          where datname = ${t.name} and application_name = ${LISTEN_APPLICATION_NAME}`;
        expect(killed.length).toBeGreaterThan(0);
        expect(await resync).toBeNull();
        const got = a.next();
        await notify(t.db, 'hub_test_reconnect', 'after');
        expect(await got).toBe('after');
        const [listening] = await admin`select count(*)::int as n from pg_stat_activity
          where datname = ${t.name} and application_name = ${LISTEN_APPLICATION_NAME}`;
        expect(listening?.n).toBe(1);
      } finally {
        await admin.end();
        stop();
      }
    },
  );
});
