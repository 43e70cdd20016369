import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { acquireDataDirLock } from './pglite-lock';
import * as schema from './schema';
import type { Db } from './types';

export type OpenDatabase = {
  db: Db;
  driver: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

const MIGRATION_LOCK_KEY = 727_001;

export type OpenOptions =
  | { databaseUrl: string; maxConnections?: number }
  | { dataDir: string | null /* null: in memory */ };

/** Opens a database and brings its schema up to date. */
/**
 * PGlite runs PostgreSQL inside the app's process, in WebAssembly memory that grows and never shrinks.
 * With PostgreSQL's default 128 MB of shared buffers that is ~130 MB more resident memory from the
 * start; the demo and a forum of a few thousand registrations fit in 16 MB (the table files stay in
 * the operating system's cache). PostgreSQL proper keeps its own settings.
 */
const PGLITE_SETTINGS = ['shared_buffers=16MB'];

export async function openDatabase(options: OpenOptions): Promise<OpenDatabase> {
  if ('databaseUrl' in options) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'hybrid-forum' },
    });
    // Several app instances may start at once: one migrates, the others wait for it.
    const reserved = await client.reserve();
    try {
      await reserved`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
      // The lock is held by the reserved connection; the migration itself runs on the pool.
      await migratePostgres(drizzlePostgres({ client, schema }), { migrationsFolder });
      await reserved`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    } finally {
      reserved.release();
    }
    const db = drizzlePostgres({ client, schema }) as unknown as Db;
    return { db, driver: 'postgres', close: () => client.end({ timeout: 5 }) };
  }

  const release = options.dataDir ? acquireDataDirLock(path.resolve(options.dataDir)) : () => {};
  try {
    const client = await PGlite.create({ dataDir: options.dataDir ? path.resolve(options.dataDir, 'pglite') : undefined, postgresqlconf: PGLITE_SETTINGS });
    const db = drizzlePglite({ client, schema }) as unknown as Db;
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
    return {
      db,
      driver: 'pglite',
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
