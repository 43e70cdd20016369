import { randomUUID } from 'node:crypto';
import { outbox, type OutboxAttachment } from '@/db/schema';
import type { Db } from '@/db/types';

export type NewMail = {
  kind: string;
  eventId?: string | null;
  registrationId?: string | null;
  toAddress: string;
  toName?: string;
  subject: string;
  attachments?: OutboxAttachment[];
} & ({ html: string; text: string } | { template: MailTemplate; payload: unknown });

/** Mail stored as data and rendered after its transaction commits (see lib/mail/render-queued.ts). */
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
  const id = randomUUID();
  await tx.insert(outbox).values({
    id,
    kind: mail.kind,
    eventId: mail.eventId ?? null,
    registrationId: mail.registrationId ?? null,
    toAddress: mail.toAddress,
    toName: mail.toName ?? '',
    subject: mail.subject,
    ...('template' in mail ? { template: mail.template, payload: mail.payload } : { html: mail.html, text: mail.text }),
    attachments: mail.attachments ?? [],
    messageId: messageIdFor(id),
  });
  return id;
}
