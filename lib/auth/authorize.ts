import { and, eq, inArray } from 'drizzle-orm';
import { eventMembers } from '@/db/schema';
import type { Db } from '@/db/types';
import type { Failure } from '@/lib/errors/result';
import type { Actor } from './sessions';

export type EventRole = 'organiser' | 'checkin' | 'speaker' | 'venue_manager' | 'viewer';

/** The roles a team invite may give (speakers join through their speaker record). */
export const TEAM_ROLES = ['organiser', 'venue_manager', 'checkin', 'viewer'] as const satisfies readonly EventRole[];
export type TeamRole = (typeof TEAM_ROLES)[number];
/** Roles held for one venue: a venue manager always names one, check-in staff may. */
export const VENUE_ROLES: readonly EventRole[] = ['venue_manager', 'checkin'];

/** Who may see an event's admin pages at all. */
export const STAFF: EventRole[] = ['organiser', 'venue_manager', 'checkin', 'viewer'];
/** Who may read the dashboard, agenda and registrations (a venue manager: their venue's). */
export const READERS: EventRole[] = ['organiser', 'venue_manager', 'viewer'];
/** Who works the check-in desk (a venue manager and venue-bound staff: their venue's registrants). */
export const DESK: EventRole[] = ['organiser', 'venue_manager', 'checkin'];
/** Who may change the agenda and registrations (a venue manager: their venue's). */
export const VENUE_EDITORS: EventRole[] = ['organiser', 'venue_manager'];

/** Thrown when someone is signed out or lacks the role; routes turn it into 401/403 or a redirect. */
export class AuthorizationError extends Error {
  constructor(readonly reason: 'signed-out' | 'forbidden') {
    super(reason === 'signed-out' ? 'Sign in to continue' : 'You do not have access to this');
    this.name = 'AuthorizationError';
  }
}

/** A refusal thrown by lib/ as the vocabulary's failure (a route answers it 401 or 403); anything else is rethrown. */
export function authorizationFailure(error: unknown): Failure {
  if (!(error instanceof AuthorizationError)) throw error;
  return { ok: false, code: error.reason === 'signed-out' ? 'signed-out' : 'forbidden', error: error.message };
}

export async function rolesFor(db: Db, actor: Actor, eventId: string): Promise<{ role: EventRole; venueId: string | null }[]> {
  return db
    .select({ role: eventMembers.role, venueId: eventMembers.venueId })
    .from(eventMembers)
    .where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.userId, actor.userId)));
}

/** Whether the actor holds one of the roles in the event; a refusal is false, any other failure is thrown. */
export async function hasEventRole(db: Db, actor: Actor | null, eventId: string, roles: EventRole[]): Promise<boolean> {
  try {
    await requireEventRole(db, actor, eventId, roles);
    return true;
  } catch (error) {
    if (error instanceof AuthorizationError) return false;
    throw error;
  }
}

/**
 * Every read and write of organiser data calls this with the event it touches. Returns the matching
 * memberships (check-in staff may be limited to one venue).
 */
export async function requireEventRole(
  db: Db,
  actor: Actor | null,
  eventId: string,
  roles: EventRole[],
): Promise<{ role: EventRole; venueId: string | null }[]> {
  if (!actor) throw new AuthorizationError('signed-out');
  if (actor.isPlatformAdmin) return [{ role: 'organiser', venueId: null }];
  const memberships = await db
    .select({ role: eventMembers.role, venueId: eventMembers.venueId })
    .from(eventMembers)
    .where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.userId, actor.userId), inArray(eventMembers.role, roles)));
  if (memberships.length === 0) throw new AuthorizationError('forbidden');
  return memberships;
}
