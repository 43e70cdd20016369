import { and, eq, isNull, sql } from 'drizzle-orm';
import { preparedPerDb } from '@/db/prepared';
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

/** Stores a rendering unless another worker stored one first; built once per handle, as the worker runs it per mail. */
const storeRendering = preparedPerDb((db) =>
  db
    .update(outbox)
    .set({
      html: sql`${sql.placeholder('html')}::text`,
      text: sql`${sql.placeholder('text')}::text`,
      attachments: sql`${sql.placeholder('attachments')}::jsonb`,
    })
    .where(and(eq(outbox.id, sql.placeholder('id')), isNull(outbox.html)))
    .returning({ id: outbox.id })
    .prepare('outbox_store_rendering'),
);

/**
 * The mail as it will be sent. Mail queued as data is rendered once and stored, so what the organiser
 * reads, what is sent and what a retry sends are the same bytes.
 */
export async function ensureRendered(db: Db, row: OutboxRow): Promise<RenderedRow> {
  if (row.html !== null && row.text !== null) return row as RenderedRow;
  const rendered = await render(row);
  const attachments = [...row.attachments, ...rendered.attachments];
  const stored = await storeRendering(db).execute({
    id: row.id,
    html: rendered.html,
    text: rendered.text,
    attachments: JSON.stringify(attachments),
  });
  if (stored.length) return { ...row, html: rendered.html, text: rendered.text, attachments };
  // Someone else rendered it first: use theirs.
  const [current] = await db.select().from(outbox).where(eq(outbox.id, row.id));
  return current as RenderedRow;
}
