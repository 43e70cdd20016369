import { openDatabase, type OpenDatabase } from '@/db/open';
import type { Db } from '@/db/types';
import { appEnv } from '@/lib/config/env';

const KEY = Symbol.for('hybrid-forum.database');
type Holder = { [KEY]?: Promise<OpenDatabase> };

/**
 * The process-wide database. Kept on globalThis because Next.js bundles route code separately from
 * instrumentation and scripts; one PGlite directory must only ever be opened once per process.
 * An empty embedded database gets the demo forum at server start (lib/server/boot.ts), not here:
 * opening the database is not seeding it.
 */
export function database(): Promise<OpenDatabase> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const env = appEnv();
    return env.databaseUrl ? openDatabase({ databaseUrl: env.databaseUrl }) : openDatabase({ dataDir: env.dataDir });
  })();
  holder[KEY].catch(() => {
    delete holder[KEY];
  });
  return holder[KEY];
}

export async function getDb(): Promise<Db> {
  return (await database()).db;
}

/** Makes route handlers in this process use an already opened database (tests, benchmarks). */
export function useDatabase(opened: OpenDatabase): void {
  (globalThis as Holder)[KEY] = Promise.resolve(opened);
}
