'use server';

import { linkAction } from '@/lib/edge/action';
import { type Result, notFound } from '@/lib/errors/result';
import { acceptInvite } from '@/lib/team/accept-invite';
import { looksLikeInviteToken } from '@/lib/team/invite-token';

/**
 * Accepts the invite the link's token names and answers a single-use sign-in token, which the page
 * hands to the magic-link sign-in at once. Only the holder of the mailed link can call it usefully.
 */
export async function acceptInviteAction(token: string): Promise<Result<{ signInToken: string; callbackUrl: string }>> {
  if (!looksLikeInviteToken(token)) return notFound('This invite link was used, revoked or has expired');
  return linkAction(async ({ db }) => {
    const accepted = await acceptInvite(db, token);
    if (!accepted.ok) return accepted;
    return { ok: true, signInToken: accepted.signInToken, callbackUrl: `/admin/events/${accepted.slug}` };
  });
}
