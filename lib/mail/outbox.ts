import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { OutboxAttachment } from '@/db/schema';
import type { Db } from '@/db/types';
import { currentRequestId } from '@/lib/observability/request-context';

export type NewMail = {
  kind: string;
  eventId?: string | null;
  registrationId?: string | null;
  toAddress: string;
  toName?: string;
  subject: string;
  attachments?: OutboxAttachment[];
  /** Not delivered before then (a meeting's reminder); as soon as possible when absent. */
  notBefore?: Date;
  /** The request that caused the mail, for following it from the request to the SMTP send; by default the current one. */
  requestId?: string | null;
} & ({ html: string; text: string } | { template: MailTemplate; payload: unknown });

/** Mail stored as data and rendered after its transaction commits (see lib/mail-delivery/render-queued.ts). */
export type MailTemplate = 'registration';

const MESSAGE_ID_DOMAIN = 'hybrid-forum.local';

/** Fixed when the mail is queued, so every attempt carries the same Message-ID. */
export function messageIdFor(outboxId: string): string {
  return `<${outboxId}@${MESSAGE_ID_DOMAIN}>`;
}

/**
 * Queues a mail. Call it with the transaction handle of the change that causes the mail, so the
 * change and its mail commit together or not at all.
 */
export async function enqueueMail(tx: Db, mail: NewMail): Promise<string> {
  const { ids, insert } = outboxInsert([{ ...mail, requestId: mail.requestId ?? (await currentRequestId()) }]);
  await tx.execute(insert);
  return ids[0]!;
}

/**
 * The statement that queues mails, one or many, for a caller that may run it as part of a larger
 * statement (a data-modifying WITH: the registrations written by one batch). Raw SQL over arrays:
 * one statement whatever their number, and Drizzle's query builder costs ~100 µs of CPU per row.
 */
export function outboxInsert(mails: NewMail[]): { ids: string[]; insert: SQL } {
  const rows = mails.map((mail) => {
    const id = randomUUID();
    const [html, text, template, payload] =
      'template' in mail ? [null, null, mail.template, JSON.stringify(mail.payload)] : [mail.html, mail.text, null, null];
    return { id, mail, html, text, template, payload, attachments: JSON.stringify(mail.attachments ?? []), messageId: messageIdFor(id) };
  });
  const array = <V>(pick: (row: (typeof rows)[number]) => V) => sql.param(rows.map(pick));
  const insert = sql`
    insert into outbox (id, kind, event_id, registration_id, to_address, to_name, subject, html, text, template, payload, attachments, message_id, request_id, next_attempt_at)
    select m.id, m.kind, m.event_id, m.registration_id, m.to_address, m.to_name, m.subject, m.html, m.text, m.template, m.payload::jsonb, m.attachments::jsonb, m.message_id, m.request_id, coalesce(m.not_before::timestamptz, now())
    from unnest(${array((r) => r.id)}::uuid[], ${array((r) => r.mail.kind)}::text[], ${array((r) => r.mail.eventId ?? null)}::uuid[],
                ${array((r) => r.mail.registrationId ?? null)}::uuid[], ${array((r) => r.mail.toAddress)}::text[], ${array((r) => r.mail.toName ?? '')}::text[],
                ${array((r) => r.mail.subject)}::text[], ${array((r) => r.html)}::text[], ${array((r) => r.text)}::text[], ${array((r) => r.template)}::text[],
                ${array((r) => r.payload)}::text[], ${array((r) => r.attachments)}::text[], ${array((r) => r.messageId)}::text[], ${array((r) => r.mail.requestId ?? null)}::text[],
                ${array((r) => r.mail.notBefore?.toISOString() ?? null)}::text[])
         as m(id, kind, event_id, registration_id, to_address, to_name, subject, html, text, template, payload, attachments, message_id, request_id, not_before)`;
  return { ids: rows.map((r) => r.id), insert };
}
