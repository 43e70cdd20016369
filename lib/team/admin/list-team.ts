import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import { eventInvites, eventMembers, users, venues, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { TEAM_ROLES, type TeamRole } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';

export type TeamMember = { userId: string; email: string; name: string | null; role: TeamRole; venue: LocalizedText | null };
export type PendingInvite = { id: string; email: string; role: TeamRole; venue: LocalizedText | null; expiresAt: Date };

/** An event's team as its organisers see it: who holds which role (and venue), and the invites still open. */
export async function listTeam(db: Db, actor: Actor | null, slug: string, now = new Date()) {
  const event = await organiserEvent(db, actor, slug);
  const [members, invites, eventVenues] = await Promise.all([
    db
      .select({ userId: users.id, email: users.email, name: users.name, role: eventMembers.role, venue: venues.name })
      .from(eventMembers)
      .innerJoin(users, eq(eventMembers.userId, users.id))
      .leftJoin(venues, eq(eventMembers.venueId, venues.id))
      .where(and(eq(eventMembers.eventId, event.id), inArray(eventMembers.role, [...TEAM_ROLES])))
      .orderBy(asc(users.email), asc(eventMembers.role)),
    db
      .select({
        id: eventInvites.id,
        email: eventInvites.email,
        role: eventInvites.role,
        venue: venues.name,
        expiresAt: eventInvites.expiresAt,
      })
      .from(eventInvites)
      .leftJoin(venues, eq(eventInvites.venueId, venues.id))
      .where(
        and(
          eq(eventInvites.eventId, event.id),
          isNull(eventInvites.acceptedAt),
          isNull(eventInvites.revokedAt),
          gt(eventInvites.expiresAt, now),
        ),
      )
      .orderBy(asc(eventInvites.createdAt)),
    db
      .select({ id: venues.id, name: venues.name, kind: venues.kind })
      .from(venues)
      .where(eq(venues.eventId, event.id))
      .orderBy(asc(venues.position)),
  ]);
  return { event, members: members as TeamMember[], invites: invites as PendingInvite[], venues: eventVenues };
}
