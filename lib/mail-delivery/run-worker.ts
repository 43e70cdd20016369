import type { Db } from '@/db/types';
import { smtpTransport } from '@/lib/mail/transport';
import { type DeliveryOptions, startMailWorker, type MailWorker } from '@/lib/mail-delivery/worker';

const key = Symbol.for('hybrid-forum.mail-worker');
type WithWorker = typeof globalThis & { [key]?: MailWorker };

/**
 * A mail worker sending to `smtpUrl` with `concurrency` mails in flight (MAIL_CONCURRENCY), each on
 * its own pooled SMTP connection: the app's in-process worker and `npm run worker` both start this.
 */
export function startSmtpMailWorker(db: Db, smtpUrl: string, options: DeliveryOptions = {}): MailWorker {
  return startMailWorker(db, smtpTransport(smtpUrl, { maxConnections: options.concurrency }), options);
}

/**
 * Starts this process's one mail worker (idempotent: hot reloads and repeated boots share it), with
 * `concurrency` mails in flight on as many pooled SMTP connections (MAIL_CONCURRENCY).
 */
export function ensureMailWorker(db: Db, smtpUrl: string, concurrency?: number): MailWorker {
  const holder = globalThis as WithWorker;
  holder[key] ??= startSmtpMailWorker(db, smtpUrl, { concurrency });
  return holder[key];
}
