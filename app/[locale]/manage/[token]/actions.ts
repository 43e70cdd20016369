'use server';

import { redirect } from 'next/navigation';
import { linkAction } from '@/lib/edge/action';
import { cancelRegistration, changeRegistration } from '@/lib/registration/manage';
import { registrationIdFromManageToken } from '@/lib/registration/manage-token';
import { formArg } from '@/lib/http/action-args';

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
  if (!result.ok) back(token, `error=${encodeURIComponent(result.error.slice(0, 200))}`);
  back(token, 'saved=1');
}

export async function cancelRegistrationAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const id = registrationIdFromManageToken(token);
  if (!id) back(token, 'error=link');
  if (formData.get('confirm') !== 'yes') back(token, `error=${encodeURIComponent('confirm must be ticked to cancel')}`);
  await linkAction(({ db }) => cancelRegistration(db, id));
  back(token, 'cancelled=1');
}
