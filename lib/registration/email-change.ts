import { and, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { events, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { emailSchema } from '@/lib/auth/schemas';
import { appEnv } from '@/lib/config/env';
import { invalid, notFound, ok, type Result } from '@/lib/errors/result';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import { type PlainMessages, plainTranslator } from '@/lib/i18n/plain-translator';
import { pick } from '@/lib/i18n/text';
import { enqueueMail } from '@/lib/mail/outbox';
import { takeSharedHit } from '@/lib/security/shared-rate-limit';
import { mac, macMatches } from '@/lib/security/signing';
import { fieldErrors } from '@/lib/validation/field-errors';
import { vmsg } from '@/lib/validation/message';
import { manageUrl } from './manage-token';

const PURPOSE = 'registration-email-change';
/** Confirmation mails per registration, and to one address, in an hour. */
export const EMAIL_CHANGE_LIMIT = { limit: 3, windowMs: 3600_000 };
/** How long a confirmation link works. */
export const EMAIL_CHANGE_HOURS = 24;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const emailChangeSchema = z.object({ email: emailSchema });

/**
 * "id.sequence.expiry.address.mac": the confirmation link's token, derived rather than stored. It
 * names the new address, and it is bound to the registration's `sequence` as it was asked: any later
 * change of the registration (the confirmation itself among them) makes it worthless, so it works once.
 */
export function emailChangeToken(registrationId: string, sequence: number, email: string, expiresAt: Date): string {
  const payload = [
    registrationId,
    String(sequence),
    String(Math.floor(expiresAt.getTime() / 1000)),
    Buffer.from(email).toString('base64url'),
  ];
  return `${payload.join('.')}.${mac(PURPOSE, payload.join('/'))}`;
}

export type EmailChangeClaim = { registrationId: string; sequence: number; email: string; expiresAt: Date };

/** What a token says, or null when it is malformed or forged (expiry and sequence are checked against the registration). */
export function readEmailChangeToken(token: unknown): EmailChangeClaim | null {
  if (typeof token !== 'string' || token.length > 600) return null;
  const parts = token.split('.');
  if (parts.length !== 5) return null;
  const [id, sequence, expiry, address, signature] = parts as [string, string, string, string, string];
  if (!UUID.test(id) || !/^\d{1,9}$/.test(sequence) || !/^\d{1,12}$/.test(expiry) || !/^[A-Za-z0-9_-]{1,400}$/.test(address)) return null;
  if (!macMatches(PURPOSE, [id, sequence, expiry, address].join('/'), signature)) return null;
  const email = emailSchema.safeParse(Buffer.from(address, 'base64url').toString('utf8'));
  if (!email.success) return null;
  return { registrationId: id, sequence: Number(sequence), email: email.data, expiresAt: new Date(Number(expiry) * 1000) };
}

function mailWords(locale: string) {
  const reader: Locale = isLocale(locale) ? locale : 'en';
  return { locale: reader, t: plainTranslator((loadMessages(reader).mail as { emailChange: PlainMessages }).emailChange) };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function plainMail(lines: string[], link: string) {
  return {
    text: `${lines.join('\n\n')}\n\n${link}\n`,
    html: `${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
  };
}

/**
 * A registrant asks, from their manage link, to move their registration to another address. Nothing
 * changes yet: a confirmation link goes to the new address (through the outbox), and only whoever
 * reads that mailbox can make the change. So someone holding only the manage link cannot move the
 * person's mail elsewhere unseen. The answer is the same whether or not the new address already has
 * a registration of this forum (then no link is sent: confirming could not succeed).
 */
export async function requestEmailChange(db: Db, registrationId: string, raw: unknown, now = new Date()): Promise<Result> {
  const parsed = emailChangeSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const email = parsed.data.email;
  const [row] = await db
    .select({ registration: registrations, eventName: events.name })
    .from(registrations)
    .innerJoin(events, eq(registrations.eventId, events.id))
    .where(eq(registrations.id, registrationId));
  if (!row || row.registration.erasedAt) return notFound('No such registration');
  const current = row.registration;
  if (current.status === 'cancelled') return invalid({ email: vmsg('registrationCancelled') });
  if (current.email.toLowerCase() === email) return invalid({ email: vmsg('sameEmail') });
  // Each request mails whatever address is typed: bounded per registration and per address, so a
  // manage link (or many) cannot turn the forum into a mail cannon aimed at someone's inbox.
  const perRegistration = await takeSharedHit(db, `email-change:registration:${registrationId}`, { ...EMAIL_CHANGE_LIMIT, now });
  const perAddress = perRegistration.allowed
    ? await takeSharedHit(db, `email-change:address:${email}`, { ...EMAIL_CHANGE_LIMIT, now })
    : perRegistration;
  if (!perAddress.allowed) return invalid({ email: vmsg('emailChangeTooMany') });
  if (await addressTaken(db, current.eventId, email, registrationId)) return ok();
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_HOURS * 3600_000);
  const link = `${appEnv().appUrl}/manage/email/${emailChangeToken(registrationId, current.sequence, email, expiresAt)}`;
  const { locale, t } = mailWords(current.locale);
  const forum = pick(row.eventName, locale);
  await db.transaction(async (tx) => {
    await enqueueMail(tx, {
      kind: 'registration.email-change',
      eventId: current.eventId,
      registrationId,
      toAddress: email,
      toName: current.name,
      subject: t('confirmSubject', { forum }),
      ...plainMail(
        [t('greeting', { name: current.name }), t('confirmBody', { forum, email, hours: EMAIL_CHANGE_HOURS }), t('notYou')],
        link,
      ),
    });
    await recordAudit(tx, {
      eventId: current.eventId,
      actorUserId: null,
      action: 'registration.email.request',
      entity: 'registration',
      entityId: registrationId,
      details: {},
    });
  });
  return ok();
}

async function addressTaken(db: Db, eventId: string, email: string, registrationId: string): Promise<boolean> {
  const [taken] = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, eventId),
        sql`lower(${registrations.email}) = ${email}`,
        ne(registrations.status, 'cancelled'),
        ne(registrations.id, registrationId),
      ),
    );
  return Boolean(taken);
}

export type EmailChangeView =
  | { state: 'valid'; from: string; to: string; registrationId: string }
  | { state: 'done'; to: string; registrationId: string }
  | { state: 'invalid' };

/** What the confirmation page shows for a token: the change to confirm, or that the link no longer works. */
export async function emailChangeView(db: Db, token: unknown, now = new Date()): Promise<EmailChangeView> {
  const claim = readEmailChangeToken(token);
  if (!claim) return { state: 'invalid' };
  const [current] = await db.select().from(registrations).where(eq(registrations.id, claim.registrationId));
  if (!current || current.erasedAt || current.status === 'cancelled') return { state: 'invalid' };
  // Already confirmed with this very link: say so rather than "expired".
  if (current.email === claim.email && current.sequence === claim.sequence + 1)
    return { state: 'done', to: claim.email, registrationId: current.id };
  if (current.sequence !== claim.sequence || claim.expiresAt <= now) return { state: 'invalid' };
  return { state: 'valid', from: current.email, to: claim.email, registrationId: current.id };
}

/**
 * The new address's owner confirms: the registration takes the address (if it is still the
 * registration the link was made for, the link has not expired and no other registration of the
 * forum took the address meanwhile), the old address is told, and it is audited. Works once.
 */
export async function confirmEmailChange(db: Db, token: unknown, now = new Date()): Promise<Result<{ registrationId: string }>> {
  const claim = readEmailChangeToken(token);
  if (!claim || claim.expiresAt <= now) return invalid({ token: vmsg('emailChangeLink') });
  return db.transaction(async (tx): Promise<Result<{ registrationId: string }>> => {
    const [current] = await tx.select().from(registrations).where(eq(registrations.id, claim.registrationId)).for('update');
    if (!current || current.erasedAt || current.status === 'cancelled' || current.sequence !== claim.sequence)
      return invalid({ token: vmsg('emailChangeLink') });
    if (await addressTaken(tx, current.eventId, claim.email, current.id)) return invalid({ token: vmsg('registrationEmailTaken') });
    await tx
      .update(registrations)
      .set({ email: claim.email, updatedAt: now, sequence: sql`${registrations.sequence} + 1` })
      .where(eq(registrations.id, current.id));
    const [event] = await tx.select({ name: events.name }).from(events).where(eq(events.id, current.eventId));
    const { locale, t } = mailWords(current.locale);
    const forum = pick(event!.name, locale);
    await enqueueMail(tx, {
      kind: 'registration.email-changed',
      eventId: current.eventId,
      registrationId: current.id,
      toAddress: current.email,
      toName: current.name,
      subject: t('changedSubject', { forum }),
      ...plainMail(
        [t('greeting', { name: current.name }), t('changedBody', { forum, email: claim.email }), t('changedNotYou')],
        manageUrl(current.id),
      ),
    });
    await recordAudit(tx, {
      eventId: current.eventId,
      actorUserId: null,
      action: 'registration.email.change',
      entity: 'registration',
      entityId: current.id,
      details: { from: current.email, to: claim.email },
    });
    return ok({ registrationId: current.id });
  });
}
