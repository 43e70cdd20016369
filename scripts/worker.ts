import { appEnv, ConfigError } from '../lib/config/env';
import { openDatabase } from '../db/open';
import { startSmtpMailWorker } from '../lib/mail-delivery/run-worker';
import { startRetentionLoop } from '../lib/retention/retention-loop';
import { runCli } from './cli';

/**
 * A mail worker on its own: run one or more beside app instances started with MAIL_WORKER=off.
 * Against PostgreSQL they share the outbox safely (FOR UPDATE SKIP LOCKED). With the embedded
 * database only one process may open it, so there the app's own worker is the one to use.
 */
/**
 * MAIL_STALE_AFTER_SECONDS: how long mail may stay "sending" before it is taken to belong to a worker
 * that died (killed mid-send) and is sent again; default 300. Shorter gets such mail out sooner, but
 * must stay well above the slowest SMTP send, or a slow send is repeated.
 */
function staleAfterMs(): number | undefined {
  const raw = process.env.MAIL_STALE_AFTER_SECONDS;
  if (raw === undefined || raw === '') return undefined;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1)
    throw new ConfigError('MAIL_STALE_AFTER_SECONDS', 'must be a whole number of seconds, 1 or more');
  return seconds * 1000;
}

runCli(async () => {
  const env = appEnv();
  if (!env.smtpUrl) throw new ConfigError('SMTP_URL', 'is required for `npm run worker` (an smtp:// or smtps:// URL)');
  const opened = env.databaseUrl ? await openDatabase({ databaseUrl: env.databaseUrl }) : await openDatabase({ dataDir: env.dataDir });
  const worker = startSmtpMailWorker(opened.db, env.smtpUrl, { concurrency: env.mailConcurrency, staleAfterMs: staleAfterMs() });
  const retention = startRetentionLoop(opened.db);
  console.log(`[mail] worker delivering to ${new URL(env.smtpUrl).host} (${opened.driver}); Ctrl-C to stop`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await Promise.all([worker.stop(), retention.stop()]);
  await opened.close();
});
