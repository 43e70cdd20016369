import { createElement } from 'react';
import { MagicLinkEmail } from '@/emails/magic-link-email';
import { renderEmail } from '@/emails/render';
import type { Db } from '@/db/types';
import { appEnv } from '@/lib/config/env';
import { enqueueMail } from '@/lib/mail/outbox';
import { ensureSpeakerAccount } from '@/lib/speakers/speaker-account';
import { createMagicLinkToken } from './magic-link';
import { magicLinkLimiters } from './magic-link-limits';

export type MagicLinkRequestResult = { accepted: true } | { accepted: false; retryAfterSeconds: number };

type Limiters = ReturnType<typeof magicLinkLimiters>;

/**
 * The rate limits on sign-in links, checked before anything else. They count every request, known
 * address or not, so a refusal says nothing about whether an account exists.
 */
export function magicLinkAllowed(email: string, clientKey = 'direct', limiters: Limiters = magicLinkLimiters()): MagicLinkRequestResult {
  const byClient = limiters.perClient.check(clientKey);
  if (!byClient.allowed) return { accepted: false, retryAfterSeconds: byClient.retryAfterSeconds };
  const byEmail = limiters.perEmail.check(email.trim().toLowerCase());
  if (!byEmail.allowed) return { accepted: false, retryAfterSeconds: byEmail.retryAfterSeconds };
  return { accepted: true };
}

/**
 * Queues a sign-in link when the address belongs to an account (or to a listed speaker, who gets an
 * account on first request); does nothing otherwise. Callers answer before this finishes, so
 * neither the answer nor its timing tells whether the address is known.
 */
export async function sendMagicLink(db: Db, email: string, callbackPath = '/'): Promise<void> {
  const normalised = email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    await ensureSpeakerAccount(tx, normalised);
    const created = await createMagicLinkToken(tx, normalised);
    if (!created) return;
    const link = `${appEnv().appUrl}/signin/magic?token=${encodeURIComponent(created.token)}&callbackUrl=${encodeURIComponent(callbackPath)}`;
    const { html, text } = await renderEmail(createElement(MagicLinkEmail, { link }));
    await enqueueMail(tx, { kind: 'auth.magic-link', toAddress: normalised, subject: 'Your sign-in link · 登录链接', html, text });
  });
}

/** Limits, then the link: for callers that wait for the work (scripts, tests). */
export async function requestMagicLink(db: Db, email: string, callbackPath = '/', options: { clientKey?: string; limiters?: Limiters } = {}): Promise<MagicLinkRequestResult> {
  const verdict = magicLinkAllowed(email, options.clientKey, options.limiters);
  if (verdict.accepted) await sendMagicLink(db, email, callbackPath);
  return verdict;
}
