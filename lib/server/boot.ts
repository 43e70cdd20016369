import { appEnv, ConfigError } from '@/lib/config/env';
import { DataDirInUseError } from '@/db/pglite-lock';
import { database } from '@/lib/database/process-database';
import { prepareEmbeddedDemo } from '@/lib/demo/embedded-demo';
import { ensureMailWorker } from '@/lib/mail-delivery/run-worker';
import { installMeetingCancellation } from '@/lib/meetings/cancel-registration-meetings';
import { startRetentionLoop } from '@/lib/retention/retention-loop';
import { onShutdown } from './shutdown';

/** Runs once when the server starts: configuration, database, background work. */
export async function boot(): Promise<void> {
  installMeetingCancellation();
  try {
    const env = appEnv();
    const opened = await database();
    if (env.embedded) await prepareEmbeddedDemo(opened.db);
    onShutdown('database', () => opened.close());
    const delivery = !env.smtpUrl
      ? 'kept in the outbox'
      : env.mailWorker === 'off'
        ? 'left to `npm run worker`'
        : 'delivered by the in-app worker';
    if (env.smtpUrl && env.mailWorker === 'in-app') {
      const worker = ensureMailWorker(opened.db, env.smtpUrl, env.mailConcurrency);
      onShutdown('mail worker', () => worker.stop());
    }
    // Background work stays with the app unless a separate worker takes it (MAIL_WORKER=off).
    if (env.mailWorker === 'in-app') {
      const retention = startRetentionLoop(opened.db);
      onShutdown('retention', () => retention.stop());
    }
    console.log(`[boot] database ready (${opened.driver}${env.embedded ? `, ${env.dataDir}` : ''}); mail ${delivery}`);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirInUseError) {
      console.error(error.message);
    } else {
      console.error('[boot] could not start:', error instanceof Error ? error.message : error);
    }
    process.exit(1);
  }
}
