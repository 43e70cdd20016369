'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { magicLinkRequestSchema } from '@/lib/auth/schemas';
import { requestMagicLink } from '@/lib/auth/request-magic-link';
import { clientKey } from '@/lib/security/rate-limit';

export async function requestMagicLinkAction(formData: FormData): Promise<void> {
  const callbackUrl = typeof formData.get('callbackUrl') === 'string' ? String(formData.get('callbackUrl')) : undefined;
  const parsed = magicLinkRequestSchema.safeParse({ email: formData.get('email'), callbackUrl });
  const back = (query: string) => `/signin?${query}${parsed.data?.callbackUrl ? `&callbackUrl=${encodeURIComponent(parsed.data.callbackUrl)}` : ''}`;
  if (!parsed.success) redirect(back('error=email'));
  const result = await requestMagicLink(await getDb(), parsed.data.email, parsed.data.callbackUrl ?? '/', { clientKey: clientKey(await headers()) });
  redirect(back(result.accepted ? 'sent=1' : 'error=tooMany'));
}
