'use server';

import { redirect } from 'next/navigation';
import { eventAction } from '@/lib/edge/action';
import { formArg } from '@/lib/http/action-args';
import { createMeetingSlot } from '@/lib/meetings/admin/save-slot';
import { vmsg } from '@/lib/validation/message';
import { signedError } from '@/lib/validation/query-error';

/** Opens a meeting time at a venue (the form on the meetings page posts this). */
export async function createMeetingSlotAction(eventSlug: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const done = await eventAction(eventSlug, 'meetings', async ({ db, actor, event, path }) => {
    const values = Object.fromEntries(['venueId', 'label', 'date', 'start', 'end', 'tables'].map((k) => [k, formData.get(k) ?? '']));
    const result = await createMeetingSlot(db, actor, event.slug, values);
    if (result.ok) return `${path}?done=created`;
    const [field, message] = (result.code === 'invalid' && Object.entries(result.fields)[0]) || ['form', vmsg('invalid')];
    return `${path}?field=${encodeURIComponent(field)}&error=${signedError(message)}`;
  });
  redirect(done);
}
