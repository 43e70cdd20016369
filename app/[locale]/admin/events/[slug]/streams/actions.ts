'use server';

import { redirect } from 'next/navigation';
import { eventAction } from '@/lib/edge/action';
import { grantStreamAccess, revokeStreamAccess, streamGrantInputSchema } from '@/lib/livestream/grants';
import { actionArg, formArg } from '@/lib/http/action-args';

export async function grantStreamAccessAction(slug: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const done = await eventAction(slug, 'streams', async ({ db, actor, event, path }) => {
    const result = await grantStreamAccess(db, actor, event.slug, { email: formData.get('email') });
    return result.ok ? `${path}?saved=1` : `${path}?error=${encodeURIComponent(result.fields?.email ?? 'invalid')}`;
  });
  redirect(done);
}

export async function revokeStreamAccessAction(slug: string, email: string): Promise<void> {
  const address = actionArg(streamGrantInputSchema, { email }).email;
  const done = await eventAction(slug, 'streams', async ({ db, actor, event, path }) => {
    await revokeStreamAccess(db, actor, event.slug, address);
    return `${path}?saved=1`;
  });
  redirect(done);
}
