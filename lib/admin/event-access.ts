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

/** The venues someone's role limits them to in an event: null for the whole event. */
export type VenueScope = string[] | null;

/**
 * The event and the venues the actor's memberships in `roles` cover: a venue manager (or check-in
 * staff of one venue) gets their venue, anyone holding one of `roles` for the whole event gets null.
 */
export async function scopedEvent(
  db: Db,
  actor: Actor | null,
  slug: string,
  roles: EventRole[],
): Promise<{ event: AdminEvent; roles: EventRole[]; scope: VenueScope }> {
  const access = await eventAccess(db, actor, slug, roles);
  return { event: access.event, roles: access.roles, scope: access.venueIds.includes(null) ? null : (access.venueIds as string[]) };
}

export const inScope = (scope: VenueScope, venueId: string | null): boolean =>
  scope === null || (venueId !== null && scope.includes(venueId));

/** Refuses (as a foreign event is refused) a record of a venue outside the actor's scope. */
export function requireInScope(scope: VenueScope, venueId: string | null): void {
  if (!inScope(scope, venueId)) throw new AuthorizationError('forbidden');
}
