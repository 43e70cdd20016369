import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { exhibitorStaff, exhibitorStaffInvites, exhibitors, users } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { notFound, ok, type Result } from '@/lib/errors/result';

/** An exhibitor's staff and open invites, for its organisers' page; null for an exhibitor not of this event. */
export async function exhibitorStaffFor(db: Db, actor: Actor | null, slug: string, exhibitorId: string, now = new Date()) {
  const event = await organiserEvent(db, actor, slug);
  const [exhibitor] = await db
    .select({ id: exhibitors.id })
    .from(exhibitors)
    .where(and(eq(exhibitors.id, exhibitorId), eq(exhibitors.eventId, event.id)));
  if (!exhibitor) return null;
  const [staff, invites] = await Promise.all([
    db
      .select({ userId: users.id, email: users.email, name: users.name, since: exhibitorStaff.createdAt })
      .from(exhibitorStaff)
      .innerJoin(users, eq(exhibitorStaff.userId, users.id))
      .where(eq(exhibitorStaff.exhibitorId, exhibitor.id))
      .orderBy(asc(users.email)),
    db
      .select({ id: exhibitorStaffInvites.id, email: exhibitorStaffInvites.email, expiresAt: exhibitorStaffInvites.expiresAt })
      .from(exhibitorStaffInvites)
      .where(
        and(
          eq(exhibitorStaffInvites.exhibitorId, exhibitor.id),
          isNull(exhibitorStaffInvites.acceptedAt),
          isNull(exhibitorStaffInvites.revokedAt),
          gt(exhibitorStaffInvites.expiresAt, now),
        ),
      )
      .orderBy(asc(exhibitorStaffInvites.email)),
  ]);
  return { staff, invites };
}

/** An organiser takes a person off an exhibitor's staff: from the next request on they read and write nothing of it. */
export async function removeExhibitorStaff(
  db: Db,
  actor: Actor | null,
  slug: string,
  exhibitorId: string,
  userId: string,
): Promise<Result<{ id: string }>> {
  const event = await organiserEvent(db, actor, slug);
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit) => {
    const [exhibitor] = await tx
      .select({ id: exhibitors.id, name: exhibitors.name })
      .from(exhibitors)
      .where(and(eq(exhibitors.id, exhibitorId), eq(exhibitors.eventId, event.id)));
    if (!exhibitor) return notFound('No such exhibitor in this event');
    const [removed] = await tx
      .delete(exhibitorStaff)
      .where(and(eq(exhibitorStaff.exhibitorId, exhibitor.id), eq(exhibitorStaff.userId, userId)))
      .returning({ userId: exhibitorStaff.userId });
    if (!removed) return notFound('Not on this exhibitor’s staff');
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    await audit({
      action: 'exhibitor.staff.remove',
      entity: 'exhibitor',
      entityId: exhibitor.id,
      details: { email: user?.email ?? '', name: exhibitor.name.en },
    });
    return ok({ id: exhibitor.id });
  });
}
