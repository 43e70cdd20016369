'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { eventAction } from '@/lib/edge/action';
import { resendEventMail } from '@/lib/mail-delivery/admin-outbox';
import { actionArg } from '@/lib/http/action-args';
import { signedError } from '@/lib/validation/query-error';

export async function resendMailAction(slug: string, id: string): Promise<void> {
  const mailId = actionArg(z.uuid(), id);
  const done = await eventAction(slug, `mail/${mailId}`, async ({ db, actor, event }) => {
    const result = await resendEventMail(db, actor, event.slug, mailId);
    const mail = `/admin/events/${event.slug}/mail`;
    return result.ok ? `${mail}/${result.id}?resent=1` : `${mail}/${mailId}?error=${signedError(result.error)}`;
  });
  redirect(done);
}
