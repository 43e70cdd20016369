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

/**
 * Emails a sign-in link when the address belongs to an account (or to a speaker, who gets an
 * account on first request). The result is the same whether or not it does, so the form does not
 * reveal who has an account; only the rate limits can refuse, and they count every request.
 */
export async function requestMagicLink(
  db: Db,
  email: string,
  callbackPath = '/',
  options: { clientKey?: string; limiters?: ReturnType<typeof magicLinkLimiters> } = {},
): Promise<MagicLinkRequestResult> {
  const limiters = options.limiters ?? magicLinkLimiters();
  const normalised = email.trim().toLowerCase();
  const byClient = limiters.perClient.check(options.clientKey ?? 'direct');
  if (!byClient.allowed) return { accepted: false, retryAfterSeconds: byClient.retryAfterSeconds };
  const byEmail = limiters.perEmail.check(normalised);
  if (!byEmail.allowed) return { accepted: false, retryAfterSeconds: byEmail.retryAfterSeconds };

  await db.transaction(async (tx) => {
    await ensureSpeakerAccount(tx, normalised);
    const created = await createMagicLinkToken(tx, normalised);
    if (!created) return;
    const link = `${appEnv().appUrl}/signin/magic?token=${encodeURIComponent(created.token)}&callbackUrl=${encodeURIComponent(callbackPath)}`;
    const { html, text } = await renderEmail(createElement(MagicLinkEmail, { link }));
    await enqueueMail(tx, { kind: 'auth.magic-link', toAddress: normalised, subject: 'Your sign-in link · 登录链接', html, text });
  });
  return { accepted: true };
}
