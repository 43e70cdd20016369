import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { type ListenConnection, type ListenEvents, pgliteListenConnection, postgresListenConnection } from './listen';
import { acquireDataDirLock } from './pglite-lock';
import { withNamedStatements } from './pglite-statements';
import { openPostgresClients } from './postgres-clients';
import * as schema from './schema';
import type { Db } from './types';

export type OpenDatabase = {
  db: Db;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
  /** A connection that LISTENs for notifications (db/listen.ts); lib/database/notify-hub.ts opens one per process. */
  openListener: (events: ListenEvents) => ListenConnection;
  /** PGlite only: the whole database as a tarball, which `loadDataDir` opens again without initdb. */
  dumpDataDir?: () => Promise<Blob>;
};

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

const MIGRATION_LOCK_KEY = 727_001;

export type OpenOptions =
  | { databaseUrl: string; maxConnections?: number }
  | { dataDir: string | null /* null: in memory */; loadDataDir?: Blob /* an in-memory database from a dump */ };

/**
 * PGlite runs PostgreSQL inside the app's process, in WebAssembly memory that grows and never shrinks.
 * With PostgreSQL's default 128 MB of shared buffers that is ~130 MB more resident memory from the
 * start; the demo and a forum of a few thousand registrations fit in 16 MB (the table files stay in
 * the operating system's cache). PostgreSQL proper keeps its own settings.
 */
const PGLITE_SETTINGS = ['shared_buffers=16MB'];

/** Opens a database and brings its schema up to date. */
export async function openDatabase(options: OpenOptions): Promise<OpenDatabase> {
  if ('databaseUrl' in options) {
    const clients = openPostgresClients(options.databaseUrl, options.maxConnections ?? 10);
    try {
      // Several app instances may start at once: one migrates, the others wait for it. The lock is
      // held by a connection reserved from one pool; the migration itself runs on the other.
      const reserved = await clients.transactions.reserve();
      try {
        await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres({ client: clients.queries, schema }), { migrationsFolder });
        await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        reserved.release();
      }
    } catch (error) {
      await clients.end();
      throw error;
    }
    const db = drizzlePostgres({ client: clients.drizzleClient, schema }) as unknown as Db;
    clients.shareTypeParsers();
    const databaseUrl = options.databaseUrl;
    return { db, driver: 'postgres', close: clients.end, openListener: (events) => postgresListenConnection(databaseUrl, events) };
  }

  const release = options.dataDir ? acquireDataDirLock(path.resolve(options.dataDir)) : () => {};
  try {
    const client = await PGlite.create({
      dataDir: options.dataDir ? path.resolve(options.dataDir, 'pglite') : undefined,
      loadDataDir: options.dataDir ? undefined : options.loadDataDir,
      postgresqlconf: PGLITE_SETTINGS,
      // The desk's name search (db/migrations/0009) indexes trigrams.
      extensions: { pg_trgm },
    });
    // Statements the app runs again and again are planned once (db/pglite-statements.ts).
    const db = drizzlePglite({ client: yieldingBeforeEachCall(withNamedStatements(client)), schema }) as unknown as Db;
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
    return {
      db,
      driver: 'pglite',
      openListener: (events) => pgliteListenConnection(client, events),
      dumpDataDir: () => client.dumpDataDir('none'),
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * PGlite runs each statement synchronously on the app's thread, and its own lock hands the single
 * connection from one waiting caller to the next in promise callbacks. Under load the whole queue of
 * waiting queries then runs in one unbroken stretch of promise callbacks, and Node.js runs such a
 * stretch after every accepted connection before accepting the next: in a 200-client registration
 * burst the last connections to open were accepted, and answered, only when the burst was over
 * (bench/burst-fairness.ts). Here every query and transaction waits for the previous one and then
 * starts from a fresh turn of the event loop, so sockets are accepted and read between any two.
 */
function yieldingBeforeEachCall(client: PGlite): PGlite {
  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const next = previous.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(run);
    previous = next.catch(() => undefined);
    return next;
  };
  return new Proxy(client, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (property === 'query' || property === 'exec' || property === 'transaction') {
        return (...args: unknown[]) => inTurn(() => method.apply(target, args));
      }
      return method.bind(target);
    },
  });
}
