import { and, eq, inArray } from 'drizzle-orm';
import { eventMembers, users } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { saveAudited } from '@/lib/audit/save-audited';
import { TEAM_ROLES } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { conflict, notFound, ok, type Result } from '@/lib/errors/result';

/**
 * Takes every team role in this event from a person (a speaker record stays: that is their
 * programme, not the team). Sessions are rows checked on every request, and so is membership
 * (lib/auth/authorize.ts), so their next request to this event is refused without signing them out
 * of other events they work on. An organiser cannot remove themselves: the event would risk having none.
 */
export async function removeMember(db: Db, actor: Actor | null, slug: string, userId: string): Promise<Result> {
  const event = await organiserEvent(db, actor, slug);
  if (actor!.userId === userId) return conflict('You cannot remove yourself');
  return saveAudited(db, { eventId: event.id, actor }, {}, async (tx, audit) => {
    const removed = await tx
      .delete(eventMembers)
      .where(and(eq(eventMembers.eventId, event.id), eq(eventMembers.userId, userId), inArray(eventMembers.role, [...TEAM_ROLES])))
      .returning({ role: eventMembers.role });
    if (removed.length === 0) return notFound('No such member');
    const [person] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId));
    await audit({
      action: 'team.member.remove',
      entity: 'team',
      entityId: userId,
      details: { email: person?.email ?? null, roles: removed.map((r) => r.role) },
    });
    return ok();
  });
}
