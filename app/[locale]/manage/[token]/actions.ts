'use server';

import { redirect } from 'next/navigation';
import { vmsg } from '@/lib/validation/message';
import { linkAction } from '@/lib/edge/action';
import { cancelRegistration, changeRegistration } from '@/lib/registration/manage';
import { registrationIdFromManageToken } from '@/lib/registration/manage-token';
import { formArg } from '@/lib/http/action-args';
import { cancelOutcome } from '@/lib/registration/cancel-outcome';
import { registrationView } from '@/lib/registration/view';
import { eraseOwnRegistration } from '@/lib/retention/erase-own-registration';
import { changeOwnDetails } from '@/lib/registration/change-details';
import type { Result } from '@/lib/errors/result';
import { requestEmailChange } from '@/lib/registration/email-change';
import { requestVisaLetter } from '@/lib/visa/letters';
import { signedError } from '@/lib/validation/query-error';

function back(token: string, query: string): never {
  redirect(`/manage/${encodeURIComponent(token)}?${query}`);
}

export async function changeRegistrationAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const id = registrationIdFromManageToken(token);
  if (!id) back(token, 'error=link');
  const result = await linkAction(({ db }) =>
    changeRegistration(db, id, { mode: formData.get('mode'), venue: formData.get('venue') || null, sessions: formData.getAll('sessions') }),
  );
  // The field's message (a validation key) rather than "field message": the page words it in the reader's language.
  if (!result.ok) {
    const message = (result.code === 'invalid' && Object.values(result.fields)[0]) || result.error;
    back(token, `error=${signedError(message)}`);
  }
  back(token, 'saved=1');
}

export async function cancelRegistrationAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const id = registrationIdFromManageToken(token);
  if (!id) back(token, 'error=link');
  if (formData.get('confirm') !== 'yes') back(token, `error=${vmsg('confirmCancel')}`);
  const { seats, waitlisted } = await linkAction(async ({ db }) => {
    const before = cancelOutcome(await registrationView(db, id));
    await cancelRegistration(db, id);
    return before;
  });
  back(token, `cancelled=1&seats=${seats}&waitlisted=${waitlisted ? 1 : 0}`);
}

export async function eraseRegistrationAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const id = registrationIdFromManageToken(token);
  if (!id) back(token, 'error=link');
  if (formData.get('confirm') !== 'erase') back(token, `error=${vmsg('confirmErase')}`);
  const result = await linkAction(({ db }) => eraseOwnRegistration(db, id));
  if (!result.ok) back(token, 'error=link');
  back(token, 'erased=1');
}

/** Name, organisation, language and answers, from the details form (a react-hook-form form: the answer goes back to it). */
export async function changeDetailsAction(token: string, values: unknown): Promise<Result> {
  const id = registrationIdFromManageToken(token);
  if (!id) back(token, 'error=link');
  return linkAction(({ db }) => changeOwnDetails(db, id, values));
}

/** A new address, asked from the manage page: a confirmation link goes to it; nothing changes until it is opened and confirmed. */
export async function requestEmailChangeAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const id = registrationIdFromManageToken(token);
  if (!id) back(token, 'error=link');
  const result = await linkAction(({ db }) => requestEmailChange(db, id, { email: formData.get('email') }));
  if (!result.ok) {
    const message = (result.code === 'invalid' && Object.values(result.fields)[0]) || result.error;
    back(token, `emailError=${signedError(message)}`);
  }
  back(token, 'emailSent=1');
}

/** Passport details for a visa invitation letter (a react-hook-form form: the answer goes back to it). */
export async function requestVisaLetterAction(token: string, values: unknown): Promise<Result> {
  const id = registrationIdFromManageToken(token);
  if (!id) back(token, 'error=link');
  return linkAction(({ db }) => requestVisaLetter(db, token, values));
}
