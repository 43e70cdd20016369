import type { Db } from '@/db/types';
import { smtpTransport } from './transport';
import { startMailWorker, type MailWorker } from './worker';

const key = Symbol.for('hybrid-forum.mail-worker');
type WithWorker = typeof globalThis & { [key]?: MailWorker };

/** Starts this process's one mail worker (idempotent: hot reloads and repeated boots share it). */
export function ensureMailWorker(db: Db, smtpUrl: string): MailWorker {
  const holder = globalThis as WithWorker;
  holder[key] ??= startMailWorker(db, smtpTransport(smtpUrl));
  return holder[key];
}
