'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { runForAction } from '@/lib/admin/page-guard';
import { resendEventMail } from '@/lib/mail-delivery/admin-outbox';
import { slugSchema } from '@/lib/validation/common';
import { actionArg } from '@/lib/http/action-args';

const target = z.object({ slug: slugSchema, id: z.uuid() });

export async function resendMailAction(slug: string, id: string): Promise<void> {
  const ids = actionArg(target, { slug, id });
  const path = `/admin/events/${ids.slug}/mail`;
  const result = await runForAction(`${path}/${ids.id}`, async (actor) => resendEventMail(await getDb(), actor, ids.slug, ids.id));
  redirect(result.ok ? `${path}/${result.id}?resent=1` : `${path}/${ids.id}?error=${encodeURIComponent(result.error)}`);
}
