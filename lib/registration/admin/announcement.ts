import { and, eq, sql } from 'drizzle-orm';
import { vmsg } from '@/lib/validation/message';
import { z } from 'zod';
import { auditLog, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { invalid, type Result } from '@/lib/errors/result';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { pick } from '@/lib/i18n/text';
import { enqueueMail } from '@/lib/mail/outbox';
import { manageUrl } from '../manage-token';
import { multiLineText } from '@/lib/validation/text';
import { singleLineText } from '@/lib/validation/text';
import { fieldErrors } from '@/lib/validation/field-errors';
import { afterCursor, createdAtCursorText, keysetOrder, type Cursor } from './cursor';
import { registrationConditions, registrationFilterSchema } from './filters';

export const announcementSchema = z.object({
  subject: singleLineText(200).pipe(z.string().min(1, vmsg('subject'))),
  body: multiLineText(10_000).pipe(z.string().min(1, vmsg('body'))),
  filters: registrationFilterSchema,
  /** Sent with the form so a double submit queues the mails once. */
  requestId: z.uuid({ error: vmsg('invalid') }).optional(),
});
export type AnnouncementInput = z.input<typeof announcementSchema>;

/** How many mails were queued (`repeated` when the same form was submitted before), or the form's errors. */
export type Announcement = Result<{ queued: number; repeated?: boolean }>;

const BATCH = 1000;

/**
 * Queues one mail per registrant matching the filters (cancelled registrations only when the status
 * filter asks for them). All mails and the audit entry commit in one transaction: the announcement
 * goes to the whole group or to nobody.
 */
export async function queueAnnouncement(db: Db, actor: Actor | null, slug: string, rawInput: unknown): Promise<Announcement> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = announcementSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const { subject, body: text, filters, requestId } = parsed.data;
  const where = registrationConditions(event.id, filters, { excludeCancelledByDefault: true });
  const eventName = pick(event.name, 'en');

  return db.transaction(async (tx) => {
    if (requestId) {
      // Serialise submissions of one form so the second sees the first's audit entry and stops.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${requestId}))`);
      const [earlier] = await tx
        .select({ details: auditLog.details })
        .from(auditLog)
        .where(
          and(
            eq(auditLog.eventId, event.id),
            eq(auditLog.action, 'announcement.queue'),
            sql`${auditLog.details}->>'requestId' = ${requestId}`,
          ),
        );
      if (earlier)
        return { ok: true as const, queued: Number((earlier.details as { recipients?: number }).recipients ?? 0), repeated: true };
    }
    let queued = 0;
    let cursor: Cursor | null = null;
    for (;;) {
      const batch: { id: string; email: string; name: string; cursor: string }[] = await tx
        .select({ id: registrations.id, email: registrations.email, name: registrations.name, cursor: createdAtCursorText })
        .from(registrations)
        .where(cursor ? and(where, afterCursor(cursor, 'asc')) : where)
        .orderBy(...keysetOrder('asc'))
        .limit(BATCH);
      for (const recipient of batch) {
        const link = manageUrl(recipient.id);
        await enqueueMail(tx, {
          kind: 'announcement',
          eventId: event.id,
          registrationId: recipient.id,
          toAddress: recipient.email,
          toName: recipient.name,
          subject,
          text: `${recipient.name},\n\n${text}\n\n—\n${eventName}\n${link}\n`,
          html: announcementHtml(recipient.name, text, eventName, link),
        });
      }
      queued += batch.length;
      const last = batch[batch.length - 1];
      if (!last || batch.length < BATCH) break;
      cursor = { createdAt: last.cursor, id: last.id };
    }
    await recordAudit(tx, {
      eventId: event.id,
      actorUserId: actor!.userId,
      action: 'announcement.queue',
      entity: 'outbox',
      details: { subject, filters, recipients: queued, ...(requestId ? { requestId } : {}) },
    });
    return { ok: true as const, queued };
  });
}

/** How many registrants an announcement with these filters would reach. */
export async function announcementAudience(
  db: Db,
  actor: Actor | null,
  slug: string,
  filters: z.output<typeof registrationFilterSchema>,
): Promise<number> {
  const event = await organiserEvent(db, actor, slug);
  const rows = await db.$count(registrations, registrationConditions(event.id, filters, { excludeCancelledByDefault: true }));
  return rows;
}

function announcementHtml(name: string, text: string, eventName: string, link: string): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  return `<p>${escapeHtml(name)},</p>${paragraphs}<hr><p>${escapeHtml(eventName)}<br><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
