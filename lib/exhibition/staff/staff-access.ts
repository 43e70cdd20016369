import { and, asc, eq } from 'drizzle-orm';
import { events, exhibitorStaff, exhibitors } from '@/db/schema';
import type { Db } from '@/db/types';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';

/** The exhibitors the signed-in person staffs, with their event, for the portal's list. */
export async function ownExhibitors(db: Db, actor: Actor) {
  return db
    .select({
      id: exhibitors.id,
      name: exhibitors.name,
      status: exhibitors.status,
      slug: exhibitors.slug,
      eventSlug: events.slug,
      eventName: events.name,
      eventId: events.id,
    })
    .from(exhibitorStaff)
    .innerJoin(exhibitors, eq(exhibitorStaff.exhibitorId, exhibitors.id))
    .innerJoin(events, eq(exhibitors.eventId, events.id))
    .where(eq(exhibitorStaff.userId, actor.userId))
    .orderBy(asc(events.startsAt), asc(exhibitors.slug));
}

export type StaffedExhibitor = { id: string; eventId: string; eventSlug: string };

/**
 * The one check every exhibitor-portal read and write starts from: the actor staffs this exhibitor.
 * Anyone else (another exhibitor's staff, an organiser, a forged or unknown id) is refused alike, so
 * the answer does not reveal which exhibitors exist. Pass `tx` and `lock` to hold the exhibitor's
 * row for the write that follows.
 */
export async function requireExhibitorStaff(db: Db, actor: Actor | null, exhibitorId: string, lock = false): Promise<StaffedExhibitor> {
  if (!actor) throw new AuthorizationError('signed-out');
  const query = db
    .select({ id: exhibitors.id, eventId: exhibitors.eventId, eventSlug: events.slug })
    .from(exhibitorStaff)
    .innerJoin(exhibitors, eq(exhibitorStaff.exhibitorId, exhibitors.id))
    .innerJoin(events, eq(exhibitors.eventId, events.id))
    .where(and(eq(exhibitorStaff.exhibitorId, exhibitorId), eq(exhibitorStaff.userId, actor.userId)));
  const [row] = lock ? await query.for('no key update', { of: exhibitors }) : await query;
  if (!row) throw new AuthorizationError('forbidden');
  return row;
}
