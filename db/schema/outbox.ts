import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events } from './agenda';
import { registrations } from './registration';
import { outboxStatus } from './enums';

export type OutboxAttachment = {
  filename: string;
  contentType: string;
  content: string;
  encoding: 'base64' | 'utf8';
  cid?: string;
  method?: string;
};

/**
 * Mail waiting to be sent. Rows are written in the same transaction as the change that causes
 * them, so a committed change always has its mail and a rolled-back one never does.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    toName: text('to_name').notNull().default(''),
    subject: text('subject').notNull(),
    /** Null until rendered: registration mail is stored as `template` + `payload` inside the seat-locking transaction and rendered after it. */
    html: text('html'),
    text: text('text'),
    template: text('template'),
    payload: jsonb('payload'),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>().notNull().default([]),
    /** Stable across retries so a receiver can recognise a duplicate delivery. */
    messageId: text('message_id').notNull().unique(),
    status: outboxStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lastError: text('last_error'),
    smtpResponse: text('smtp_response'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The request that queued it (X-Request-Id), so its send can be found from the request's logs. */
    requestId: text('request_id'),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_registration_idx').on(t.registrationId),
    check(
      'outbox_content_ck',
      sql`(${t.html} IS NOT NULL AND ${t.text} IS NOT NULL) OR (${t.template} IS NOT NULL AND ${t.payload} IS NOT NULL)`,
    ),
  ],
);
