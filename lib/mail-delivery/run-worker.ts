import type { Db } from '@/db/types';
import { smtpTransport } from '@/lib/mail/transport';
import { startMailWorker, type MailWorker } from '@/lib/mail-delivery/worker';

const key = Symbol.for('hybrid-forum.mail-worker');
type WithWorker = typeof globalThis & { [key]?: MailWorker };

/**
 * Starts this process's one mail worker (idempotent: hot reloads and repeated boots share it), with
 * `concurrency` mails in flight on as many pooled SMTP connections (MAIL_CONCURRENCY).
 */
export function ensureMailWorker(db: Db, smtpUrl: string, concurrency?: number): MailWorker {
  const holder = globalThis as WithWorker;
  holder[key] ??= startMailWorker(db, smtpTransport(smtpUrl, { maxConnections: concurrency }), { concurrency });
  return holder[key];
}
