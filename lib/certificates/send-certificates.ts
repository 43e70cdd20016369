import { createElement } from 'react';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { events, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { DocumentEmail } from '@/emails/document-email';
import { renderEmail } from '@/emails/render';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { conflict, ok, type Result } from '@/lib/errors/result';
import { localeOrDefault } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { translator } from '@/lib/i18n/translator';
import { type NewMail, outboxInsert } from '@/lib/mail/outbox';
import { manageUrl } from '@/lib/registration/manage-token';
import { vmsg } from '@/lib/validation/message';
import { certificateVerifyUrl } from './certificate';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** How many registrations one transaction marks and mails: short transactions, flat memory. */
export const CERTIFICATE_BATCH = 200;

/** Reads the next registrations owed a certificate mail (tests gate it to force the race). */
export type ReadOwed = (db: Db, eventId: string, limit: number) => Promise<string[]>;
/** Marks them mailed, in the transaction that queues their mails; returns the ones this call marked. */
export type MarkMailed = (tx: Tx, ids: string[], now: Date) => Promise<string[]>;

/** Attendees a certificate is owed to: checked in at the desk (an undo clears it), not erased, not yet mailed. */
const owed = (eventId: string) =>
  and(
    eq(registrations.eventId, eventId),
    isNotNull(registrations.checkedInAt),
    isNull(registrations.erasedAt),
    isNull(registrations.certificateMailedAt),
  );

export const readOwed: ReadOwed = async (db, eventId, limit) =>
  (await db.select({ id: registrations.id }).from(registrations).where(owed(eventId)).orderBy(asc(registrations.id)).limit(limit)).map(
    (r) => r.id,
  );

/**
 * The conditional update is the lock: of two organisers sending at once, the second waits for the
 * first's row locks, then finds those registrations already marked and leaves them out, so each
 * attendee gets one mail.
 */
export const markMailedOnce: MarkMailed = async (tx, ids, now) =>
  (
    await tx
      .update(registrations)
      .set({ certificateMailedAt: now })
      .where(and(inArray(registrations.id, ids), isNull(registrations.certificateMailedAt)))
      .returning({ id: registrations.id })
  ).map((r) => r.id);

/** Negative control only (tests/integration/certificate-mail.test.ts): the marker written without its condition. */
export const markMailedWithoutCondition: MarkMailed = async (tx, ids, now) =>
  (
    await tx
      .update(registrations)
      .set({ certificateMailedAt: now })
      .where(inArray(registrations.id, ids))
      .returning({ id: registrations.id })
  ).map((r) => r.id);

export type SendCertificatesOptions = { now?: Date; batch?: number; steps?: { read: ReadOwed; mark: MarkMailed } };

/** What the organiser is told: mails queued by this press, and attendees mailed before it. */
export type CertificateSending = { sent: number; mailedBefore: number };

/** The certificate mail of each registration, in its language, with the link to its PDF and the verification URL. */
async function certificateMails(db: Db, eventId: string, ids: string[]): Promise<Map<string, NewMail>> {
  const rows = await db
    .select({
      id: registrations.id,
      name: registrations.name,
      email: registrations.email,
      locale: registrations.locale,
      forum: events.name,
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(inArray(registrations.id, ids));
  const mails = new Map<string, NewMail>();
  for (const row of rows) {
    const locale = localeOrDefault(row.locale);
    const t = translator(locale, 'mail');
    const forumName = pick(row.forum, locale);
    const text = {
      subject: t('certificate.subject', { forum: forumName }),
      greeting: t('meeting.greeting', { name: row.name }),
      lead: t('certificate.lead', { forum: forumName }),
      reference: t('certificate.reference', { url: certificateVerifyUrl(row.id) }),
      link: t('certificate.link'),
      footer: t('certificate.footer', { forum: forumName }),
    };
    const { html, text: plain } = await renderEmail(
      createElement(DocumentEmail, { locale, text, forumName, url: `${manageUrl(row.id)}/certificate.pdf` }),
    );
    mails.set(row.id, {
      kind: 'certificate',
      eventId,
      registrationId: row.id,
      toAddress: row.email,
      toName: row.name,
      subject: text.subject,
      html,
      text: plain,
    });
  }
  return mails;
}

/**
 * An organiser sends every attendee of a past event (checked in, not erased) their certificate of
 * attendance by mail, in one action: one mail each through the outbox, with the link to the PDF on
 * their manage page and the verification URL (the PDF is not attached: the link is the attendee's
 * own key, the PDF is drawn in their language when opened, and thousands of mails stay small).
 * Each registration's marker (`certificate_mailed_at`) is written in the transaction that queues its
 * mail, so pressing twice, or two organisers at once, mails each attendee once. Batches of
 * CERTIFICATE_BATCH, each its own transaction. Audited (`certificate.send`) when anything was sent.
 */
export async function sendCertificates(
  db: Db,
  actor: Actor | null,
  slug: string,
  options: SendCertificatesOptions = {},
): Promise<Result<CertificateSending>> {
  const event = await organiserEvent(db, actor, slug);
  const now = options.now ?? new Date();
  if (now < event.endsAt) return conflict(vmsg('certificatesNotYet'));
  const { read, mark } = options.steps ?? { read: readOwed, mark: markMailedOnce };
  const batch = options.batch ?? CERTIFICATE_BATCH;
  const [before] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), isNotNull(registrations.certificateMailedAt)));
  let sent = 0;
  // Each round takes the next registrations still owed; one another sender marked is not read again.
  for (let round = 0; round < 100_000; round++) {
    const ids = await read(db, event.id, batch);
    if (!ids.length) break;
    // Drawn before the transaction (rendering is the slow part); only the ones this call marks are queued.
    const mails = await certificateMails(db, event.id, ids);
    const queued = await db.transaction(async (tx) => {
      const marked = await mark(tx, ids, now);
      const toQueue = marked.flatMap((id) => (mails.get(id) ? [mails.get(id)!] : []));
      if (toQueue.length) await tx.execute(outboxInsert(toQueue).insert);
      return toQueue.length;
    });
    sent += queued;
    if (ids.length < batch) break;
  }
  if (sent) {
    await recordAudit(db, {
      eventId: event.id,
      actorUserId: actor!.userId,
      action: 'certificate.send',
      entity: 'event',
      entityId: event.id,
      details: { count: sent },
    });
  }
  return ok({ sent, mailedBefore: before?.n ?? 0 });
}

/** How many attendees are owed a certificate mail, and how many were mailed, for the organisers' page. */
export async function certificateMailCounts(db: Db, eventId: string): Promise<{ owed: number; mailed: number }> {
  const [row] = await db
    .select({
      owed: sql<number>`(count(*) filter (where ${registrations.certificateMailedAt} is null))::int`,
      mailed: sql<number>`(count(*) filter (where ${registrations.certificateMailedAt} is not null))::int`,
    })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), isNotNull(registrations.checkedInAt), isNull(registrations.erasedAt)));
  return { owed: row?.owed ?? 0, mailed: row?.mailed ?? 0 };
}
