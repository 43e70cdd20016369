import { eq } from 'drizzle-orm';
import { events, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { AuthorizationError, requireEventRole, type EventRole } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';

export type AdminEvent = { id: string; slug: string; name: LocalizedText; timeZone: string; startsAt: Date; endsAt: Date };
export type EventAccess = { event: AdminEvent; roles: EventRole[]; venueIds: (string | null)[] };

/**
 * Resolves an event by slug for someone who must hold one of `roles` in it. An unknown slug is
 * refused like a foreign event, so the answer does not reveal which events exist.
 */
export async function eventAccess(db: Db, actor: Actor | null, slug: string, roles: EventRole[]): Promise<EventAccess> {
  if (!actor) throw new AuthorizationError('signed-out');
  const [event] = await db
    .select({
      id: events.id,
      slug: events.slug,
      name: events.name,
      timeZone: events.timeZone,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
    })
    .from(events)
    .where(eq(events.slug, slug));
  if (!event) throw new AuthorizationError('forbidden');
  const memberships = await requireEventRole(db, actor, event.id, roles);
  return { event, roles: [...new Set(memberships.map((m) => m.role))], venueIds: memberships.map((m) => m.venueId) };
}

/** The event, for an organiser of it; everyone else is refused. */
export async function organiserEvent(db: Db, actor: Actor | null, slug: string): Promise<AdminEvent> {
  return (await eventAccess(db, actor, slug, ['organiser'])).event;
}
