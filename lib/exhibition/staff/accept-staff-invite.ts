import { eq } from 'drizzle-orm';
import { events, exhibitorStaff, exhibitorStaffInvites, exhibitors } from '@/db/schema';
import type { Db } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { notFound, ok, type Result } from '@/lib/errors/result';
import { accountOfAcceptedInvite, inviteSignInToken, refusingDisabledAccounts } from '@/lib/team/accept-invite-account';
import { INVITE_GONE, looksLikeInviteToken, openInviteWhere } from '@/lib/team/invite-token';

const openInvite = (token: string, now: Date) => openInviteWhere(exhibitorStaffInvites, token, now);

/** What the invite page shows before anything changes (mail scanners open links): the exhibitor and event, or null. */
export async function openStaffInviteFor(db: Db, token: string, now = new Date()) {
  if (!looksLikeInviteToken(token)) return null;
  const [invite] = await db
    .select({ email: exhibitorStaffInvites.email, exhibitorName: exhibitors.name, eventName: events.name })
    .from(exhibitorStaffInvites)
    .innerJoin(exhibitors, eq(exhibitorStaffInvites.exhibitorId, exhibitors.id))
    .innerJoin(events, eq(exhibitorStaffInvites.eventId, events.id))
    .where(openInvite(token, now));
  return invite ?? null;
}

/**
 * Uses up a staff invite: the account, the staff link and the audit entry commit together, and the
 * answer carries a single-use token for the app's magic-link sign-in, so accepting also signs in. A
 * used, revoked, expired or unknown token changes nothing.
 */
export async function acceptStaffInvite(db: Db, token: string, now = new Date()): Promise<Result<{ signInToken: string }>> {
  if (!looksLikeInviteToken(token)) return notFound(INVITE_GONE);
  return refusingDisabledAccounts(() =>
    db.transaction(async (tx) => {
      const [invite] = await tx.update(exhibitorStaffInvites).set({ acceptedAt: now }).where(openInvite(token, now)).returning();
      if (!invite) return notFound(INVITE_GONE);
      const userId = await accountOfAcceptedInvite(tx, invite, now);
      await tx.insert(exhibitorStaff).values({ exhibitorId: invite.exhibitorId, userId, createdAt: now }).onConflictDoNothing();
      await recordAudit(tx, {
        eventId: invite.eventId,
        actorUserId: userId,
        action: 'exhibitor.staff.accept',
        entity: 'exhibitor',
        entityId: invite.exhibitorId,
        details: { email: invite.email },
      });
      return ok({ signInToken: await inviteSignInToken(tx, invite.email) });
    }),
  );
}
