'use server';

import { after } from 'next/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { linkAction } from '@/lib/edge/action';
import { magicLinkRequestSchema } from '@/lib/auth/schemas';
import { checkMagicLinkLimits, sendMagicLink } from '@/lib/auth/request-magic-link';
import { clientKey } from '@/lib/security/rate-limit';
import { formArg } from '@/lib/http/action-args';
import { isLocale } from '@/lib/i18n/locales';

export async function requestMagicLinkAction(formData: FormData): Promise<void> {
  formData = formArg(formData);
  const callbackUrl = typeof formData.get('callbackUrl') === 'string' ? String(formData.get('callbackUrl')) : undefined;
  const parsed = magicLinkRequestSchema.safeParse({ email: formData.get('email'), callbackUrl });
  const back = (query: string) =>
    `/signin?${query}${parsed.data?.callbackUrl ? `&callbackUrl=${encodeURIComponent(parsed.data.callbackUrl)}` : ''}`;
  if (!parsed.success) redirect(back('error=email'));
  const { email, callbackUrl: target } = parsed.data;
  const rawLocale = formData.get('locale');
  const pageLocale = isLocale(rawLocale) ? rawLocale : undefined;
  const key = clientKey(await headers());
  const verdict = await linkAction(({ db }) => checkMagicLinkLimits(db, email, key));
  if (!verdict.ok && verdict.code === 'rate-limited') redirect(back(`error=tooMany&wait=${Math.ceil(verdict.retryAfterSeconds / 60)}`));
  // The answer goes out before the lookup, so its timing is the same for known and unknown addresses.
  after(async () => {
    await linkAction(({ db }) => sendMagicLink(db, email, target ?? '/', pageLocale)).catch((error) =>
      console.error('[signin] could not queue a sign-in link:', error instanceof Error ? error.message : error),
    );
  });
  redirect(back('sent=1'));
}
