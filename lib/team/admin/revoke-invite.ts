import { and, eq, isNull } from 'drizzle-orm';
import { eventInvites } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { notFound, ok, type Result } from '@/lib/errors/result';

/** Revokes an open invite of this event: its link stops working at once. Another event's invite is not found. */
export async function revokeInvite(db: Db, actor: Actor | null, slug: string, inviteId: string, now = new Date()): Promise<Result> {
  const event = await organiserEvent(db, actor, slug);
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit) => {
    const [revoked] = await tx
      .update(eventInvites)
      .set({ revokedAt: now })
      .where(
        and(
          eq(eventInvites.id, inviteId),
          eq(eventInvites.eventId, event.id),
          isNull(eventInvites.acceptedAt),
          isNull(eventInvites.revokedAt),
        ),
      )
      .returning({ email: eventInvites.email, role: eventInvites.role });
    if (!revoked) return notFound('No such invite');
    await audit({
      action: 'team.invite.revoke',
      entity: 'team',
      entityId: inviteId,
      details: { email: revoked.email, role: revoked.role },
    });
    return ok();
  });
}
