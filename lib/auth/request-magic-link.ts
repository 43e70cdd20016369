import { createElement } from 'react';
import { MagicLinkEmail } from '@/emails/magic-link-email';
import { renderEmail } from '@/emails/render';
import { sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Db } from '@/db/types';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { appEnv } from '@/lib/config/env';
import { enqueueMail } from '@/lib/mail/outbox';
import { magicLinkText } from './magic-link-text';
import { ensureSpeakerAccount } from '@/lib/auth/speaker-account';
import { createMagicLinkToken } from './magic-link';
import { MAGIC_LINK_RESEND_AFTER_MS, magicLinkAllowed, type MagicLinkLimits } from './magic-link-limits';

import { ok, rateLimited, type Result } from '@/lib/errors/result';

/**
 * The rate limits on sign-in links, checked before anything else. They count every request, known
 * address or not, so a refusal says nothing about whether an account exists.
 */
export async function checkMagicLinkLimits(db: Db, email: string, clientKey: string, limits?: MagicLinkLimits): Promise<Result> {
  const verdict = await magicLinkAllowed(db, email, clientKey, limits);
  return verdict.allowed ? ok() : rateLimited(verdict.retryAfterSeconds);
}

/**
 * Queues a sign-in link when the address belongs to an account (or to a listed speaker, who gets an
 * account on first request); does nothing otherwise, and nothing when a link mailed within the last
 * minute is still unused (the owner has a working one already). Callers answer before this
 * finishes, so neither the answer nor its timing tells whether the address is known.
 */
export async function sendMagicLink(db: Db, email: string, callbackPath = '/', pageLocale?: Locale): Promise<void> {
  const normalised = email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    await ensureSpeakerAccount(tx, normalised);
    const created = await createMagicLinkToken(tx, normalised, { unlessMailedWithinMs: MAGIC_LINK_RESEND_AFTER_MS });
    if (!created) return;
    const link = `${appEnv().appUrl}/signin/magic?token=${encodeURIComponent(created.token)}&callbackUrl=${encodeURIComponent(callbackPath)}`;
    const words = magicLinkText(await accountLocale(tx, normalised, pageLocale));
    const { html, text } = await renderEmail(createElement(MagicLinkEmail, { link, text: words }));
    await enqueueMail(tx, { kind: 'auth.magic-link', toAddress: normalised, subject: words.subject, html, text });
  });
}

/**
 * The account's own language; else the language of the page the link was asked from (the asker
 * chose it, and it is never stored: the asker may not be the owner); else none known.
 */
async function accountLocale(tx: Db, email: string, pageLocale: Locale | undefined): Promise<Locale | null> {
  const [account] = await tx.select({ locale: users.locale }).from(users).where(sql`lower(${users.email}) = ${email}`);
  return isLocale(account?.locale) ? account.locale : (pageLocale ?? null);
}

/** Limits, then the link: for callers that wait for the work (scripts, tests). */
export async function requestMagicLink(
  db: Db,
  email: string,
  callbackPath = '/',
  options: { clientKey?: string; limits?: MagicLinkLimits; pageLocale?: Locale } = {},
): Promise<Result> {
  const verdict = await checkMagicLinkLimits(db, email, options.clientKey ?? 'direct', options.limits);
  if (verdict.ok) await sendMagicLink(db, email, callbackPath, options.pageLocale);
  return verdict;
}
