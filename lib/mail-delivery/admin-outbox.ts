import { randomUUID } from 'node:crypto';
import { and, eq, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { outbox } from '@/db/schema';
import { conflict, notFound, ok, type Result } from '@/lib/errors/result';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { cursorSchema, encodeCursor, keyset } from '@/lib/pagination/keyset';
import { messageIdFor } from '@/lib/mail/outbox';
import { ensureRendered } from '@/lib/mail-delivery/render-queued';

const PAGE_SIZE = 50;
const outboxKeyset = keyset(outbox.createdAt, outbox.id);

export const outboxQuerySchema = z.object({
  status: z.enum(['queued', 'sending', 'sent', 'retry', 'failed']).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  /** Keyset position of the last row shown. */
  before: cursorSchema.optional().catch(undefined),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

/**
 * An event's mail as organisers see it: what was queued, sent or failed, with the SMTP reply. Mail
 * without an event (sign-in links) is never listed: those are credentials, not organiser business.
 */
export async function listEventOutbox(db: Db, actor: Actor | null, slug: string, query: OutboxQuery) {
  const event = await organiserEvent(db, actor, slug);
  const conditions = [eq(outbox.eventId, event.id)];
  if (query.status) conditions.push(eq(outbox.status, query.status));
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(outbox.toAddress, pattern), ilike(outbox.toName, pattern), ilike(outbox.subject, pattern))!);
  }
  if (query.before) conditions.push(outboxKeyset.after(query.before, 'desc'));
  const rows = await db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      toAddress: outbox.toAddress,
      toName: outbox.toName,
      subject: outbox.subject,
      status: outbox.status,
      attempts: outbox.attempts,
      smtpResponse: outbox.smtpResponse,
      nextAttemptAt: outbox.nextAttemptAt,
      sentAt: outbox.sentAt,
      createdAt: outbox.createdAt,
      cursor: outboxKeyset.cursorText,
    })
    .from(outbox)
    .where(and(...conditions))
    .orderBy(...outboxKeyset.order('desc'))
    .limit(PAGE_SIZE + 1);
  const counts = await db
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(eq(outbox.eventId, event.id))
    .groupBy(outbox.status);
  const page = rows.slice(0, PAGE_SIZE);
  const last = page.at(-1);
  return {
    event,
    rows: page,
    counts: Object.fromEntries(counts.map((c) => [c.status, c.n])) as Partial<Record<string, number>>,
    next: rows.length > PAGE_SIZE && last ? encodeCursor({ createdAt: last.cursor, id: last.id }) : null,
  };
}

export async function eventOutboxMessage(db: Db, actor: Actor | null, slug: string, id: string) {
  const event = await organiserEvent(db, actor, slug);
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.id, id), eq(outbox.eventId, event.id)));
  return row ? { event, message: await ensureRendered(db, row) } : null;
}

/**
 * Sends a mail again. A failed or waiting mail is queued at once under its own Message-ID (it never
 * arrived); a sent one is copied under a new Message-ID, since the receiver already has the first.
 */
export async function resendEventMail(db: Db, actor: Actor | null, slug: string, id: string): Promise<Result<{ id: string }>> {
  const event = await organiserEvent(db, actor, slug);
  return db.transaction(async (tx): Promise<Result<{ id: string }>> => {
    const [row] = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, id), eq(outbox.eventId, event.id)))
      .for('update');
    if (!row) return notFound('No such mail in this event');
    if (row.status === 'sending') return conflict('This mail is being sent right now');
    let resentId = row.id;
    if (row.status === 'sent') {
      resentId = randomUUID();
      const {
        id: _old,
        messageId: _mid,
        status: _s,
        attempts: _a,
        nextAttemptAt: _n,
        lockedAt: _l,
        lastError: _e,
        smtpResponse: _r,
        sentAt: _t,
        createdAt: _c,
        ...content
      } = row;
      await tx.insert(outbox).values({ ...content, id: resentId, messageId: messageIdFor(resentId) });
    } else {
      await tx.update(outbox).set({ status: 'queued', nextAttemptAt: sql`now()`, lockedAt: null }).where(eq(outbox.id, row.id));
    }
    await recordAudit(tx, {
      eventId: event.id,
      actorUserId: actor!.userId,
      action: 'mail.resend',
      entity: 'outbox',
      entityId: row.id,
      details: { to: row.toAddress, subject: row.subject, previousStatus: row.status, resentAs: resentId },
    });
    return ok({ id: resentId });
  });
}
