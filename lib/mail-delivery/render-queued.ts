import { and, eq, isNull } from 'drizzle-orm';
import { outbox, type OutboxAttachment } from '@/db/schema';
import type { Db } from '@/db/types';
import type { RegistrationMailPayload } from '@/lib/registration/registration-mail';
import { renderRegistrationMail } from '@/lib/registration/registration-mail-render';

type OutboxRow = typeof outbox.$inferSelect;
export type RenderedRow = OutboxRow & { html: string; text: string };

async function render(row: OutboxRow): Promise<{ html: string; text: string; attachments: OutboxAttachment[] }> {
  if (row.template === 'registration') return renderRegistrationMail(row.payload as RegistrationMailPayload);
  throw new Error(`unknown mail template ${String(row.template)}`);
}

/**
 * The mail as it will be sent. Mail queued as data is rendered once and stored, so what the organiser
 * reads, what is sent and what a retry sends are the same bytes.
 */
export async function ensureRendered(db: Db, row: OutboxRow): Promise<RenderedRow> {
  if (row.html !== null && row.text !== null) return row as RenderedRow;
  const rendered = await render(row);
  const [stored] = await db
    .update(outbox)
    .set({ html: rendered.html, text: rendered.text, attachments: [...row.attachments, ...rendered.attachments] })
    .where(and(eq(outbox.id, row.id), isNull(outbox.html)))
    .returning();
  if (stored) return stored as RenderedRow;
  // Someone else rendered it first: use theirs.
  const [current] = await db.select().from(outbox).where(eq(outbox.id, row.id));
  return current as RenderedRow;
}
