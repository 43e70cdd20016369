import type { Db } from '@/db/types';
import { appEnv } from '@/lib/config/env';
import { enqueueMail } from '@/lib/mail/outbox';
import { createMagicLinkToken } from './magic-link';

/**
 * Emails a sign-in link when the address belongs to an account. The caller answers the same way
 * whether or not it does, so the form does not reveal who has an account.
 */
export async function requestMagicLink(db: Db, email: string, callbackPath = '/'): Promise<void> {
  await db.transaction(async (tx) => {
    const created = await createMagicLinkToken(tx, email);
    if (!created) return;
    const link = `${appEnv().appUrl}/signin/magic?token=${encodeURIComponent(created.token)}&callbackUrl=${encodeURIComponent(callbackPath)}`;
    await enqueueMail(tx, {
      kind: 'auth.magic-link',
      toAddress: email,
      subject: 'Your sign-in link · 登录链接',
      text: `Sign in to Hybrid Forum: ${link}\n\nThe link works once and expires in 15 minutes. If you did not ask for it, ignore this mail.\n\n登录链接（仅可使用一次，15分钟内有效）：${link}`,
      html: `<p><a href="${link.replace(/&/g, '&amp;')}">Sign in to Hybrid Forum · 登录</a></p><p>The link works once and expires in 15 minutes. If you did not ask for it, ignore this mail.</p><p>链接仅可使用一次，15分钟内有效。</p>`,
    });
  });
}
