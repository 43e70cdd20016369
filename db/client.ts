import { appEnv } from '../lib/config/env';
import { openDatabase, type OpenDatabase } from './open';
import { demoAccounts, seedDemoAccounts } from './seed/demo-accounts';
import { demoEvent } from './seed/demo-data';
import { seedDemoRegistrations } from './seed/demo-registrations';
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
      const eventId = await seedDemoForum(opened.db);
      await seedDemoAccounts(opened.db, eventId, demoEvent.slug);
      await seedDemoRegistrations(opened.db, demoEvent.slug);
      console.log('[db] seeded the demo forum');
    }
    if (env.embedded) {
      const { organiser, checkin } = demoAccounts;
      console.log(`[demo] organiser sign-in: ${organiser.email} / ${organiser.password} · check-in staff (Bangkok): ${checkin.email} / ${checkin.password}`);
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

/** Makes route handlers in this process use an already opened database (tests, benchmarks). */
export function useDatabase(opened: OpenDatabase): void {
  (globalThis as Holder)[KEY] = Promise.resolve(opened);
}
