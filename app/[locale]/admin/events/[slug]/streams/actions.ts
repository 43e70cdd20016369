'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database/process-database';
import { runForAction } from '@/lib/admin/page-guard';
import { grantStreamAccess, revokeStreamAccess, streamGrantInputSchema } from '@/lib/livestream/grants';
import { slugSchema } from '@/lib/validation/common';
import { actionArg, formArg } from '@/lib/http/action-args';

export async function grantStreamAccessAction(slug: string, formData: FormData): Promise<void> {
  const eventSlug = actionArg(slugSchema, slug);
  formData = formArg(formData);
  const path = `/admin/events/${eventSlug}/streams`;
  const result = await runForAction(path, async (actor) =>
    grantStreamAccess(await getDb(), actor, eventSlug, { email: formData.get('email') }),
  );
  redirect(result.ok ? `${path}?saved=1` : `${path}?error=${encodeURIComponent(result.fields?.email ?? 'invalid')}`);
}

export async function revokeStreamAccessAction(slug: string, email: string): Promise<void> {
  const eventSlug = actionArg(slugSchema, slug);
  const address = actionArg(streamGrantInputSchema, { email }).email;
  const path = `/admin/events/${eventSlug}/streams`;
  await runForAction(path, async (actor) => revokeStreamAccess(await getDb(), actor, eventSlug, address));
  redirect(`${path}?saved=1`);
}
