'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { eventAction } from '@/lib/edge/action';
import { VENUE_EDITORS } from '@/lib/auth/authorize';
import { invalid, type Result } from '@/lib/errors/result';
import { cancelRegistrationAsOrganiser } from '@/lib/registration/admin/cancel';
import { editRegistrationAsOrganiser } from '@/lib/registration/admin/edit-registration';
import { resendConfirmation } from '@/lib/registration/admin/resend-confirmation';
import { approveDelegationOf } from '@/lib/registration/delegations/approve-delegation';
import { promoteAtVenue, promoteSessionSeat } from '@/lib/registration/admin/promote';
import { singleLineText } from '@/lib/validation/text';
import { vmsg } from '@/lib/validation/message';
import { actionArg, formArg } from '@/lib/http/action-args';
import { signedError } from '@/lib/validation/query-error';

const cancelForm = z.object({ confirm: z.literal('yes', { error: vmsg('confirmCancel') }), reason: singleLineText(300).default('') });

/**
 * Back to the registration's page, saying what was done or why not. A field error goes as its
 * validation key alone: the page words it in the organiser's language.
 */
function outcome(path: string, result: Result, done: string): string {
  if (result.ok) return `${path}?done=${done}`;
  const reason = result.code === 'invalid' ? (Object.values(result.fields)[0] ?? result.error) : result.error;
  return `${path}?error=${signedError(reason)}`;
}

export async function cancelRegistrationAction(slug: string, id: string, formData: FormData): Promise<void> {
  const registration = actionArg(z.uuid(), id);
  formData = formArg(formData);
  const done = await eventAction(
    slug,
    `registrations/${registration}`,
    async ({ db, actor, event, path }) => {
      // The wrapper has checked who asks before this reads what they sent.
      const form = cancelForm.safeParse({ confirm: formData.get('confirm'), reason: formData.get('reason') ?? '' });
      const result = form.success
        ? await cancelRegistrationAsOrganiser(db, actor, event.slug, registration, form.data.reason)
        : invalid({ [String(form.error.issues[0]?.path[0] ?? 'confirm')]: form.error.issues[0]?.message ?? vmsg('confirmCancel') });
      return outcome(path, result, 'cancelled');
    },
    VENUE_EDITORS,
  );
  redirect(done);
}

export async function promoteAtVenueAction(slug: string, id: string): Promise<void> {
  const registration = actionArg(z.uuid(), id);
  const done = await eventAction(
    slug,
    `registrations/${registration}`,
    async ({ db, actor, event, path }) => outcome(path, await promoteAtVenue(db, actor, event.slug, registration), 'promoted'),
    VENUE_EDITORS,
  );
  redirect(done);
}

export async function promoteSessionSeatAction(slug: string, id: string, sessionId: string): Promise<void> {
  const ids = actionArg(z.object({ registration: z.uuid(), session: z.uuid() }), { registration: id, session: sessionId });
  const done = await eventAction(
    slug,
    `registrations/${ids.registration}`,
    async ({ db, actor, event, path }) =>
      outcome(path, await promoteSessionSeat(db, actor, event.slug, ids.registration, ids.session), 'promoted'),
    VENUE_EDITORS,
  );
  redirect(done);
}

/** Details, category and answers, from the organisers' edit form (a react-hook-form form: the answer goes back to it). */
export async function editRegistrationAction(slug: string, id: string, values: unknown): Promise<Result> {
  const registration = actionArg(z.uuid(), id);
  return eventAction(
    slug,
    `registrations/${registration}`,
    async ({ db, actor, event }) => editRegistrationAsOrganiser(db, actor, event.slug, registration, values),
    VENUE_EDITORS,
  );
}

export async function resendConfirmationAction(slug: string, id: string): Promise<void> {
  const registration = actionArg(z.uuid(), id);
  const done = await eventAction(
    slug,
    `registrations/${registration}`,
    async ({ db, actor, event, path }) => outcome(path, await resendConfirmation(db, actor, event.slug, registration), 'resent'),
    VENUE_EDITORS,
  );
  redirect(done);
}

/** Approves every member of this registration's delegation still awaiting a decision, in one transaction (docs/delegations.md). */
export async function approveDelegationAction(slug: string, id: string, formData: FormData): Promise<void> {
  const registration = actionArg(z.uuid(), id);
  formData = formArg(formData);
  const done = await eventAction(slug, `registrations/${registration}`, async ({ db, actor, event, path }) => {
    const result = await approveDelegationOf(db, actor, event.slug, registration, formData.get('message') ?? '');
    return outcome(path, result, 'delegationApproved');
  });
  redirect(done);
}
