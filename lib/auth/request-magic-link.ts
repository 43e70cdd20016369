import { createElement } from 'react';
import { MagicLinkEmail } from '@/emails/magic-link-email';
import { renderEmail } from '@/emails/render';
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
    const { html, text } = await renderEmail(createElement(MagicLinkEmail, { link }));
    await enqueueMail(tx, { kind: 'auth.magic-link', toAddress: email, subject: 'Your sign-in link · 登录链接', html, text });
  });
}
