import { eq } from 'drizzle-orm';
import { eventInvites, eventMembers, events, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import type { TeamRole } from '@/lib/auth/authorize';
import { notFound, ok, type Result } from '@/lib/errors/result';
import { accountOfAcceptedInvite, inviteSignInToken, refusingDisabledAccounts } from './accept-invite-account';
import { INVITE_GONE, looksLikeInviteToken, openInviteWhere } from './invite-token';

const openInvite = (token: string, now: Date) => openInviteWhere(eventInvites, token, now);

/** What the invite page shows before anything changes (mail scanners open links): the event and the role, or null. */
export async function openInviteFor(db: Db, token: string, now = new Date()) {
  if (!looksLikeInviteToken(token)) return null;
  const [invite] = await db
    .select({ email: eventInvites.email, role: eventInvites.role, eventName: events.name, venueName: venues.name })
    .from(eventInvites)
    .innerJoin(events, eq(eventInvites.eventId, events.id))
    .leftJoin(venues, eq(eventInvites.venueId, venues.id))
    .where(openInvite(token, now));
  return invite ? { ...invite, role: invite.role as TeamRole } : null;
}

/**
 * Uses up an invite: the account, the membership and the audit entry commit together, and the answer
 * carries a single-use sign-in token for the existing magic-link sign-in (lib/auth/options.ts), so
 * accepting also signs in. A used, revoked, expired or unknown token changes nothing.
 */
export async function acceptInvite(db: Db, token: string, now = new Date()): Promise<Result<{ signInToken: string; slug: string }>> {
  if (!looksLikeInviteToken(token)) return notFound(INVITE_GONE);
  return refusingDisabledAccounts(() =>
    db.transaction(async (tx) => {
      const [invite] = await tx.update(eventInvites).set({ acceptedAt: now }).where(openInvite(token, now)).returning();
      if (!invite) return notFound(INVITE_GONE);
      const userId = await accountOfAcceptedInvite(tx, invite, now);
      await tx
        .insert(eventMembers)
        .values({ eventId: invite.eventId, userId, role: invite.role, venueId: invite.venueId })
        .onConflictDoNothing();
      await recordAudit(tx, {
        eventId: invite.eventId,
        actorUserId: userId,
        action: 'team.invite.accept',
        entity: 'team',
        entityId: invite.id,
        details: { email: invite.email, role: invite.role, venueId: invite.venueId },
      });
      const signInToken = await inviteSignInToken(tx, invite.email);
      const [event] = await tx.select({ slug: events.slug }).from(events).where(eq(events.id, invite.eventId));
      return ok({ signInToken, slug: event!.slug });
    }),
  );
}
