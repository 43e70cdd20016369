import type { Db } from '@/db/types';
import { eventAccess, type AdminEvent } from '@/lib/admin/event-access';
import type { EventRole } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { notFound, type Failure } from '@/lib/errors/result';
import { slugSchema } from '@/lib/validation/common';

/** What a wrapped route, action or page hands its handler: the database, who asks, and the event they may act on. */
export type EventContext = {
  db: Db;
  actor: Actor;
  event: AdminEvent;
  roles: EventRole[];
  /** The venues the actor's memberships are limited to; null stands for the whole event. */
  venueIds: (string | null)[];
};

export const NO_SUCH_FORUM = 'No such forum';

/** The event slug from an address or an action's arguments, or the not-found every edge answers for a bad one. */
export function eventSlug(value: unknown): { ok: true; slug: string } | Failure {
  const parsed = slugSchema.safeParse(value);
  return parsed.success ? { ok: true, slug: parsed.data } : notFound(NO_SUCH_FORUM);
}

/**
 * The event, for an actor holding one of `roles` in it; throws AuthorizationError otherwise (the
 * wrappers turn it into sign-in, a 404 or a 401/403). lib/ checks again where it reads and writes.
 */
export async function eventContext(db: Db, actor: Actor | null, slug: string, roles: EventRole[]): Promise<EventContext> {
  const access = await eventAccess(db, actor, slug, roles);
  return { db, actor: actor!, event: access.event, roles: access.roles, venueIds: access.venueIds };
}
