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
    await enqueueMail(tx, {
      kind: 'auth.magic-link',
      toAddress: normalised,
      subject: 'Your sign-in link · 登录链接',
      text: `Sign in to Hybrid Forum: ${link}\n\nThe link works once and expires in 15 minutes. If you did not ask for it, ignore this mail.\n\n登录链接（仅可使用一次，15分钟内有效）：${link}`,
      html: `<p><a href="${link.replace(/&/g, '&amp;')}">Sign in to Hybrid Forum · 登录</a></p><p>The link works once and expires in 15 minutes. If you did not ask for it, ignore this mail.</p><p>链接仅可使用一次，15分钟内有效。</p>`,
    });
  });
  return { accepted: true };
}
