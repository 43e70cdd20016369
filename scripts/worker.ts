import { appEnv, ConfigError } from '../lib/config/env';
import { openDatabase } from '../db/open';
import { smtpTransport } from '../lib/mail/transport';
import { startMailWorker } from '../lib/mail-delivery/worker';
import { startRetentionLoop } from '../lib/retention/retention-loop';
import { runCli } from './cli';

/**
 * A mail worker on its own: run one or more beside app instances started with MAIL_WORKER=off.
 * Against PostgreSQL they share the outbox safely (FOR UPDATE SKIP LOCKED). With the embedded
 * database only one process may open it, so there the app's own worker is the one to use.
 */
runCli(async () => {
  const env = appEnv();
  if (!env.smtpUrl) throw new ConfigError('SMTP_URL', 'is required for `npm run worker` (an smtp:// or smtps:// URL)');
  const opened = env.databaseUrl ? await openDatabase({ databaseUrl: env.databaseUrl }) : await openDatabase({ dataDir: env.dataDir });
  const worker = startMailWorker(opened.db, smtpTransport(env.smtpUrl));
  const retention = startRetentionLoop(opened.db);
  console.log(`[mail] worker delivering to ${new URL(env.smtpUrl).host} (${opened.driver}); Ctrl-C to stop`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all([worker.stop(), retention.stop()]);
  await opened.close();
});
