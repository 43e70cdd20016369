'use server';

import { redirect } from 'next/navigation';
import { linkAction } from '@/lib/edge/action';
import type { Result } from '@/lib/errors/result';
import { formArg } from '@/lib/http/action-args';
import { addDelegationMember, cancelDelegationMember, changeDelegationMember } from '@/lib/registration/delegations/head';
import { vmsg } from '@/lib/validation/message';
import { signedError } from '@/lib/validation/query-error';

/** Back to the delegation page, saying what was done or why not (a validation key the page words). */
function back(token: string, result: Result, done: string): never {
  const path = `/manage/${encodeURIComponent(token)}/delegation`;
  if (result.ok) redirect(`${path}?done=${done}`);
  const message = (result.code === 'invalid' && Object.values(result.fields)[0]) || (result.code === 'not-found' ? 'link' : result.error);
  // "link" is the page's own word for a link that names no head, compared as it is: not signed.
  redirect(`${path}?error=${message === 'link' ? 'link' : signedError(message)}`);
}

/** The head adds one member (their own manage token: lib/registration/delegations/head.ts checks it). */
export async function addDelegationMemberAction(token: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const result = await linkAction(({ db }) =>
    addDelegationMember(db, String(token), {
      name: formData.get('name'),
      email: formData.get('email'),
      organisation: formData.get('organisation') ?? '',
      jobTitle: formData.get('jobTitle') ?? '',
      mailToHead: formData.get('mailToHead'),
    }),
  );
  back(String(token), result, 'added');
}

/** The head changes one of their members' name, organisation, job title or where their mail goes. */
export async function changeDelegationMemberAction(token: string, memberId: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const result = await linkAction(({ db }) =>
    changeDelegationMember(db, String(token), memberId, {
      name: formData.get('name'),
      organisation: formData.get('organisation') ?? '',
      jobTitle: formData.get('jobTitle') ?? '',
      mailToHead: formData.get('mailToHead'),
    }),
  );
  back(String(token), result, 'changed');
}

/** The head cancels one of their members' registrations (ticked to confirm). */
export async function cancelDelegationMemberAction(token: string, memberId: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  if (formData.get('confirm') !== 'yes')
    back(String(token), { ok: false, code: 'invalid', error: '', fields: { confirm: vmsg('confirmCancel') } }, '');
  const result = await linkAction(({ db }) => cancelDelegationMember(db, String(token), memberId));
  back(String(token), result, 'cancelled');
}
