'use server';

import { linkAction } from '@/lib/edge/action';
import { type Result, notFound } from '@/lib/errors/result';
import { acceptStaffInvite } from '@/lib/exhibition/staff/accept-staff-invite';
import { looksLikeInviteToken } from '@/lib/team/invite-token';

/**
 * Accepts the exhibitor-staff invite the link's token names and answers a single-use sign-in token,
 * which the page hands to the magic-link sign-in at once, landing on the exhibitor portal.
 */
export async function acceptStaffInviteAction(token: string): Promise<Result<{ signInToken: string; callbackUrl: string }>> {
  if (!looksLikeInviteToken(token)) return notFound('This invite link was used, revoked or has expired');
  return linkAction(async ({ db }) => {
    const accepted = await acceptStaffInvite(db, token);
    if (!accepted.ok) return accepted;
    return { ok: true, signInToken: accepted.signInToken, callbackUrl: '/exhibitor' };
  });
}
