import { and, asc, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { outbox } from '@/db/schema';
import { preparedPerDb } from '@/db/prepared';
import type { Db } from '@/db/types';
import { mailFromAddress, recipient, safeSubject } from '@/lib/mail/addresses';
import { classifyFailure, exponentialBackoff, MAX_ATTEMPTS, type Backoff } from '@/lib/mail/delivery-policy';
import { ensureRendered, type RenderedRow } from '@/lib/mail-delivery/render-queued';
import type { MailTransport } from '@/lib/mail/transport';
import { log } from '@/lib/observability/log';
import { smtpOutcomesTotal } from '@/lib/observability/metrics';

type OutboxRow = typeof outbox.$inferSelect;

export type DeliveryOptions = {
  batchSize?: number;
  /** Sends in flight at once; the pooled transport keeps about as many connections. */
  concurrency?: number;
  /** Mail still "sending" this long after it was claimed is taken to belong to a crashed worker. */
  staleAfterMs?: number;
  backoff?: Backoff;
  maxAttempts?: number;
};

/**
 * Claims due mail for this worker. SKIP LOCKED lets several app instances claim side by side without
 * waiting on or taking each other's rows; the claim itself commits at once, so a crash leaves the
 * rows "sending" until they go stale and another worker takes them.
 */
export async function claimDueMail(db: Db, batchSize: number, staleAfterMs: number): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(inArray(outbox.status, ['queued', 'retry']), lte(outbox.nextAttemptAt, sql`now()`)),
        and(eq(outbox.status, 'sending'), lt(outbox.lockedAt, sql`now() - make_interval(secs => ${staleAfterMs / 1000})`)),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ status: 'sending', lockedAt: sql`now()`, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning();
}

function messageFor(row: RenderedRow) {
  const to = recipient(row.toAddress, row.toName);
  if (!to) return null;
  return {
    from: mailFromAddress(),
    to,
    subject: safeSubject(row.subject),
    text: row.text,
    html: row.html,
    // The same Message-ID on every attempt, so a receiver can tell a retry from a new mail.
    messageId: row.messageId,
    textEncoding: 'base64' as const,
    attachments: row.attachments.map((a) => ({
      filename: a.filename,
      content: a.content,
      encoding: a.encoding,
      contentType: a.contentType,
      cid: a.cid,
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

/** Ours only while the row is still in the claim we made: a stale reclaim by another worker wins. */
function stillClaimed(row: OutboxRow) {
  return and(eq(outbox.id, row.id), eq(outbox.status, 'sending'), eq(outbox.attempts, row.attempts));
}

/** stillClaimed's sent mark, built once per handle: every delivered mail runs it. */
const markSent = preparedPerDb((db) =>
  db
    .update(outbox)
    .set({ status: 'sent', sentAt: sql`now()`, lockedAt: null, smtpResponse: sql`${sql.placeholder('response')}::text`, lastError: null })
    .where(and(eq(outbox.id, sql.placeholder('id')), eq(outbox.status, 'sending'), eq(outbox.attempts, sql.placeholder('attempts'))))
    .prepare('outbox_mark_sent'),
);

async function deliverOne(
  db: Db,
  transport: MailTransport,
  claimed: OutboxRow,
  options: Required<DeliveryOptions>,
): Promise<'sent' | 'retry' | 'failed'> {
  let row: RenderedRow;
  try {
    row = await ensureRendered(db, claimed);
  } catch (error) {
    // A mail that cannot be rendered will not render on retry either: show it to organisers as failed.
    await db
      .update(outbox)
      .set({
        status: 'failed',
        lockedAt: null,
        lastError: `could not render: ${error instanceof Error ? error.message : String(error)}`.slice(0, 1000),
      })
      .where(stillClaimed(claimed));
    return 'failed';
  }
  const message = messageFor(row);
  if (!message) {
    await db.update(outbox).set({ status: 'failed', lockedAt: null, lastError: 'invalid recipient address' }).where(stillClaimed(row));
    return 'failed';
  }
  try {
    const info = await transport.sendMail(message);
    await markSent(db).execute({ id: row.id, attempts: row.attempts, response: String(info.response ?? '').slice(0, 1000) });
    return 'sent';
  } catch (error) {
    const verdict = classifyFailure(error);
    const giveUp = verdict.permanent || row.attempts >= options.maxAttempts;
    const delayMs = options.backoff(row.attempts);
    await db
      .update(outbox)
      .set(
        giveUp
          ? { status: 'failed', lockedAt: null, lastError: verdict.reply, smtpResponse: verdict.reply }
          : {
              status: 'retry',
              lockedAt: null,
              lastError: verdict.reply,
              smtpResponse: verdict.reply,
              nextAttemptAt: sql`now() + make_interval(secs => ${delayMs / 1000})`,
            },
      )
      .where(stillClaimed(row));
    return giveUp ? 'failed' : 'retry';
  }
}

function withDefaults(options: DeliveryOptions): Required<DeliveryOptions> {
  return {
    batchSize: options.batchSize ?? 50,
    concurrency: options.concurrency ?? 4,
    staleAfterMs: options.staleAfterMs ?? 5 * 60_000,
    backoff: options.backoff ?? exponentialBackoff,
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
  };
}

/**
 * One pass: claims a batch and tries each mail once; returns how many were claimed. With
 * `keepClaiming`, a pass whose claims come back full claims the next batch while its lanes still
 * have work (when fewer rows wait than there are lanes), for as long as `keepClaiming()` holds: lanes
 * that waited for a batch's slowest mail before the next claim left a pipeline bubble every batch
 * (303 against 379 mails/s between batches of 100 and 400 in bench/profile-drain.ts).
 */
export async function deliverDueMail(
  db: Db,
  transport: MailTransport,
  options: DeliveryOptions = {},
  keepClaiming: () => boolean = () => false,
) {
  const settings = withDefaults(options);
  const waiting = await claimDueMail(db, settings.batchSize, settings.staleAfterMs);
  const outcome = { claimed: waiting.length, sent: 0, retry: 0, failed: 0 };
  let lastClaimFull = waiting.length === settings.batchSize;
  let claiming: Promise<void> | undefined;
  // One claim at a time; a claim that fails ends the refilling (the worker's loop tries again later).
  const claimMore = () => {
    claiming ??= claimDueMail(db, settings.batchSize, settings.staleAfterMs)
      .then(
        (more) => {
          waiting.push(...more);
          outcome.claimed += more.length;
          lastClaimFull = more.length === settings.batchSize;
        },
        () => {
          lastClaimFull = false;
        },
      )
      .finally(() => {
        claiming = undefined;
      });
    return claiming;
  };
  const next = async (): Promise<OutboxRow | undefined> => {
    for (;;) {
      const canClaim = lastClaimFull && keepClaiming();
      if (canClaim && waiting.length < settings.concurrency) void claimMore();
      const row = waiting.shift();
      if (row) return row;
      if (claiming) await claiming;
      else if (!canClaim) return undefined;
    }
  };
  const lanes = Array.from({ length: settings.concurrency }, async () => {
    for (let row = await next(); row; row = await next()) {
      const result = await deliverOne(db, transport, row, settings);
      outcome[result] += 1;
      smtpOutcomesTotal.inc({ outcome: result });
      log().info(
        { outboxId: row.id, messageId: row.messageId, requestId: row.requestId, kind: row.kind, outcome: result },
        'mail delivery',
      );
    }
  });
  await Promise.all(lanes);
  return { ...outcome, moreDue: lastClaimFull };
}

export type MailWorker = { stop(): Promise<void>; wake(): void };

/**
 * Delivers mail until stopped: a full batch is followed at once by the next, otherwise it waits for
 * the poll interval. Database hiccups are logged and retried, never fatal.
 */
export function startMailWorker(
  db: Db,
  transport: MailTransport,
  options: DeliveryOptions & { pollMs?: number; log?: (line: string) => void } = {},
): MailWorker {
  const pollMs = options.pollMs ?? 1000;
  const log = options.log ?? ((line: string) => console.log(line));
  let running = true;
  let wakeUp: (() => void) | undefined;
  const loop = (async () => {
    while (running) {
      let full = false;
      try {
        const outcome = await deliverDueMail(db, transport, options, () => running);
        full = outcome.moreDue;
        if (outcome.failed || outcome.retry) log(`[mail] sent ${outcome.sent}, retry ${outcome.retry}, failed ${outcome.failed}`);
      } catch (error) {
        log(`[mail] worker pass failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!full && running)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    }
  })();
  return {
    wake: () => wakeUp?.(),
    stop: async () => {
      running = false;
      wakeUp?.();
      await loop;
      transport.close();
    },
  };
}
