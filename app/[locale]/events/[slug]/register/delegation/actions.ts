'use server';

import { publicEventAction } from '@/lib/edge/action';
import { registerDelegation } from '@/lib/registration/delegations/register-delegation';
import type { Submission } from '@/lib/registration/submit-registration';

/** A head registers their delegation; answered like a registration (the mails carry the manage links). */
export async function registerDelegationAction(eventSlug: string, values: unknown): Promise<Submission> {
  return publicEventAction(eventSlug, { rateLimit: 'registration' }, async ({ db, slug }) => {
    const result = await registerDelegation(db, slug, values);
    return result.ok ? { ok: true, receipt: result.receipt } : result;
  });
}
