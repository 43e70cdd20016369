'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { magicLinkRequestSchema } from '@/lib/auth/schemas';
import { requestMagicLink } from '@/lib/auth/request-magic-link';

export async function requestMagicLinkAction(formData: FormData): Promise<void> {
  const parsed = magicLinkRequestSchema.safeParse({ email: formData.get('email'), callbackUrl: formData.get('callbackUrl') ?? undefined });
  if (!parsed.success) redirect('/signin?error=email');
  await requestMagicLink(await getDb(), parsed.data.email, parsed.data.callbackUrl ?? '/');
  redirect('/signin?sent=1');
}
