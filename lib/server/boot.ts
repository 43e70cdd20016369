import { appEnv, ConfigError } from '@/lib/config/env';
import { database } from '@/db/client';
import { DataDirInUseError } from '@/db/pglite-lock';

/** Runs once when the server starts: configuration, database, background work. */
export async function boot(): Promise<void> {
  try {
    const env = appEnv();
    const opened = await database();
    console.log(`[boot] database ready (${opened.driver}${env.embedded ? `, ${env.dataDir}` : ''}); mail ${env.smtpUrl ? 'via SMTP' : 'kept in the outbox'}`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirInUseError) {
      console.error(error.message);
    } else {
      console.error('[boot] could not start:', error instanceof Error ? error.message : error);
    }
    process.exit(1);
  }
}
