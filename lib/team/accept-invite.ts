import { and, eq, isNull } from 'drizzle-orm';
import { eventInvites, eventMembers, events, users, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import type { TeamRole } from '@/lib/auth/authorize';
import { createMagicLinkToken } from '@/lib/auth/magic-link';
import { upsertUser } from '@/lib/auth/users';
import { forbidden, notFound, ok, type Result } from '@/lib/errors/result';
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

class DisabledAccount extends Error {}

/**
 * Uses up an invite: the account (made if the address has none, its address proven by the mail),
 * the membership and the audit entry commit together, and the answer carries a single-use sign-in
 * token for the existing magic-link sign-in (lib/auth/options.ts), so accepting also signs in.
 * A used, revoked, expired or unknown token changes nothing.
 */
export async function acceptInvite(db: Db, token: string, now = new Date()): Promise<Result<{ signInToken: string; slug: string }>> {
  if (!looksLikeInviteToken(token)) return notFound(INVITE_GONE);
  try {
    return await db.transaction(async (tx) => {
      const [invite] = await tx.update(eventInvites).set({ acceptedAt: now }).where(openInvite(token, now)).returning();
      if (!invite) return notFound(INVITE_GONE);
      const userId = await upsertUser(tx, { email: invite.email });
      await tx
        .update(users)
        .set({ emailVerified: now })
        .where(and(eq(users.id, userId), isNull(users.emailVerified)));
      // The account keeps the invite's language for its mails, unless it already has one.
      await tx
        .update(users)
        .set({ locale: invite.locale })
        .where(and(eq(users.id, userId), isNull(users.locale)));
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
      const signIn = await createMagicLinkToken(tx, invite.email);
      if (!signIn) throw new DisabledAccount();
      const [event] = await tx.select({ slug: events.slug }).from(events).where(eq(events.id, invite.eventId));
      return ok({ signInToken: signIn.token, slug: event!.slug });
    });
  } catch (error) {
    // A disabled account does not get back in through an invite; the invite stays open for an organiser to revoke.
    if (error instanceof DisabledAccount) return forbidden('This account is disabled');
    throw error;
  }
}
