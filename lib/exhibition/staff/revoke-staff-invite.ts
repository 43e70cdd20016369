import { and, eq, isNull } from 'drizzle-orm';
import { exhibitorStaffInvites, exhibitors } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { notFound, ok, type Result } from '@/lib/errors/result';

/**
 * An organiser of the exhibitor's event revokes one of its open staff invites before it is accepted:
 * the mailed link answers as a used one from then on. Who may revoke is who may invite (organisers;
 * staff invite nobody). Another exhibitor's or event's invite, or one already used or revoked, is not found.
 */
export async function revokeExhibitorStaffInvite(
  db: Db,
  actor: Actor | null,
  slug: string,
  exhibitorId: string,
  inviteId: string,
  now = new Date(),
): Promise<Result> {
  const event = await organiserEvent(db, actor, slug);
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit) => {
    const [revoked] = await tx
      .update(exhibitorStaffInvites)
      .set({ revokedAt: now })
      .where(
        and(
          eq(exhibitorStaffInvites.id, inviteId),
          eq(exhibitorStaffInvites.exhibitorId, exhibitorId),
          eq(exhibitorStaffInvites.eventId, event.id),
          isNull(exhibitorStaffInvites.acceptedAt),
          isNull(exhibitorStaffInvites.revokedAt),
        ),
      )
      .returning({ email: exhibitorStaffInvites.email });
    if (!revoked) return notFound('No such invite');
    const [exhibitor] = await tx.select({ name: exhibitors.name }).from(exhibitors).where(eq(exhibitors.id, exhibitorId));
    await audit({
      action: 'exhibitor.staff.revoke',
      entity: 'exhibitor',
      entityId: exhibitorId,
      details: { email: revoked.email, name: exhibitor?.name.en ?? '' },
    });
    return ok();
  });
}
