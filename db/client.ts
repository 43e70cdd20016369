import { appEnv } from '../lib/config/env';
import { openDatabase, type OpenDatabase } from './open';
import { isEmpty, seedDemoForum } from './seed/seed';
import type { Db } from './types';

const KEY = Symbol.for('hybrid-forum.database');
type Holder = { [KEY]?: Promise<OpenDatabase> };

/**
 * The process-wide database. Kept on globalThis because Next.js bundles route code separately from
 * instrumentation and scripts; one PGlite directory must only ever be opened once per process.
 */
export function database(): Promise<OpenDatabase> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const env = appEnv();
    const opened = env.databaseUrl
      ? await openDatabase({ databaseUrl: env.databaseUrl })
      : await openDatabase({ dataDir: env.dataDir });
    if (env.embedded && (await isEmpty(opened.db))) {
      await seedDemoForum(opened.db);
      console.log('[db] seeded the demo forum');
    }
    return opened;
  })();
  holder[KEY].catch(() => {
    delete holder[KEY];
  });
  return holder[KEY];
}

export async function getDb(): Promise<Db> {
  return (await database()).db;
}
