'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { organiserEvent } from '@/lib/admin/event-access';
import { runForAction } from '@/lib/admin/page-guard';
import { invalid, type Result } from '@/lib/errors/result';
import { cancelRegistrationAsOrganiser } from '@/lib/registration/admin/cancel';
import { promoteAtVenue, promoteSessionSeat } from '@/lib/registration/admin/promote';
import { singleLineText } from '@/lib/validation/text';
import { actionArg, formArg } from '@/lib/http/action-args';

const target = z.object({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/), id: z.uuid() });
const cancelForm = z.object({ confirm: z.literal('yes', { error: 'must be ticked to cancel' }), reason: singleLineText(300).default('') });

function detailPath(slug: string, id: string) {
  return `/admin/events/${slug}/registrations/${id}`;
}

function back(path: string, result: Result, done: string): never {
  redirect(result.ok ? `${path}?done=${done}` : `${path}?error=${encodeURIComponent(result.error.slice(0, 300))}`);
}

export async function cancelRegistrationAction(slug: string, id: string, formData: FormData): Promise<void> {
  const ids = actionArg(target, { slug, id });
  formData = formArg(formData);
  const path = detailPath(ids.slug, ids.id);
  const result = await runForAction(path, async (actor): Promise<Result> => {
    const db = await getDb();
    // Who asks is checked before what they sent: a stranger gets the refusal, not the form's errors.
    await organiserEvent(db, actor, ids.slug);
    const form = cancelForm.safeParse({ confirm: formData.get('confirm'), reason: formData.get('reason') ?? '' });
    if (!form.success) return invalid({ [String(form.error.issues[0]?.path[0])]: String(form.error.issues[0]?.message) });
    return cancelRegistrationAsOrganiser(db, actor, ids.slug, ids.id, form.data.reason);
  });
  back(path, result, 'cancelled');
}

export async function promoteAtVenueAction(slug: string, id: string): Promise<void> {
  const ids = actionArg(target, { slug, id });
  const path = detailPath(ids.slug, ids.id);
  const result = await runForAction(path, async (actor) => promoteAtVenue(await getDb(), actor, ids.slug, ids.id));
  back(path, result, 'promoted');
}

export async function promoteSessionSeatAction(slug: string, id: string, sessionId: string): Promise<void> {
  const ids = actionArg(target.extend({ sessionId: z.uuid() }), { slug, id, sessionId });
  const path = detailPath(ids.slug, ids.id);
  const result = await runForAction(path, async (actor) => promoteSessionSeat(await getDb(), actor, ids.slug, ids.id, ids.sessionId));
  back(path, result, 'promoted');
}
