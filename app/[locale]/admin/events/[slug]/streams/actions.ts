'use server';

import { redirect } from 'next/navigation';
import { eventAction } from '@/lib/edge/action';
import { grantNotice, grantStreamAccess, revokeStreamAccess, streamGrantInputSchema } from '@/lib/livestream/grants';
import { actionArg, formArg } from '@/lib/http/action-args';
import { signedError } from '@/lib/validation/query-error';

export async function grantStreamAccessAction(slug: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const done = await eventAction(slug, 'streams', async ({ db, actor, event, path }) => {
    const result = await grantStreamAccess(db, actor, event.slug, { email: formData.get('email') });
    if (!result.ok) return `${path}?error=${signedError(result.fields?.email ?? 'invalid')}`;
    return `${path}?saved=${grantNotice(result)}&email=${encodeURIComponent(result.email)}`;
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
