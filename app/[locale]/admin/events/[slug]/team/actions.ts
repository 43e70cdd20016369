'use server';

import { redirect } from 'next/navigation';
import { eventAction } from '@/lib/edge/action';
import { actionArg } from '@/lib/http/action-args';
import { type InviteResult, inviteMember } from '@/lib/team/admin/invite-member';
import { removeMember } from '@/lib/team/admin/remove-member';
import { revokeInvite } from '@/lib/team/admin/revoke-invite';
import { uuidSchema } from '@/lib/validation/common';

export async function inviteMemberAction(slug: string, values: unknown): Promise<InviteResult> {
  return eventAction(slug, 'team', ({ db, actor, event }) => inviteMember(db, actor, event.slug, values));
}

export async function revokeInviteAction(slug: string, id: string): Promise<void> {
  const inviteId = actionArg(uuidSchema, id);
  const done = await eventAction(slug, 'team', async ({ db, actor, event, path }) => {
    const result = await revokeInvite(db, actor, event.slug, inviteId);
    return `${path}?${result.ok ? 'done=revoked' : 'refused=gone'}`;
  });
  redirect(done);
}

export async function removeMemberAction(slug: string, id: string): Promise<void> {
  const userId = actionArg(uuidSchema, id);
  const done = await eventAction(slug, 'team', async ({ db, actor, event, path }) => {
    const result = await removeMember(db, actor, event.slug, userId);
    return `${path}?${result.ok ? 'done=removed' : `refused=${result.code === 'conflict' ? 'self' : 'gone'}`}`;
  });
  redirect(done);
}
