'use server';

import { redirect } from 'next/navigation';
import { eventAction } from '@/lib/edge/action';
import { formArg } from '@/lib/http/action-args';
import { rejectRegistrations } from '@/lib/registration/admin/categories/decide';
import { approveRegistrationsWithLetters } from '@/lib/visa/letters';
import { signedError } from '@/lib/validation/query-error';

/**
 * Approves or rejects the ticked pending registrations (the button pressed says which), with the
 * optional message mailed to each.
 */
export async function decideRegistrationsAction(eventSlug: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const done = await eventAction(eventSlug, 'approvals', async ({ db, actor, event, path }) => {
    const input = { ids: formData.getAll('ids').map(String), message: formData.get('message') ?? '' };
    const decide = formData.get('decision') === 'reject' ? rejectRegistrations : approveRegistrationsWithLetters;
    const result = await decide(db, actor, event.slug, input);
    if (!result.ok) {
      const message = result.code === 'invalid' ? (Object.values(result.fields)[0] ?? 'invalid') : 'invalid';
      return `${path}?error=${signedError(message)}`;
    }
    const { seated, inLine, rejected, skipped } = result.tally;
    return `${path}?seated=${seated}&inLine=${inLine}&rejected=${rejected}&skipped=${skipped}`;
  });
  redirect(done);
}
