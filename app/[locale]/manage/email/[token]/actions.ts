'use server';

import { redirect } from 'next/navigation';
import { linkAction } from '@/lib/edge/action';
import { confirmEmailChange } from '@/lib/registration/email-change';
import { signedError } from '@/lib/validation/query-error';

/** The new address's owner confirms the change (the token names the registration and the address, and works once). */
export async function confirmEmailChangeAction(token: string): Promise<void> {
  const result = await linkAction(({ db }) => confirmEmailChange(db, token));
  const path = `/manage/email/${encodeURIComponent(String(token))}`;
  if (!result.ok) {
    const message = (result.code === 'invalid' && Object.values(result.fields)[0]) || result.error;
    redirect(`${path}?error=${signedError(message)}`);
  }
  redirect(path);
}
