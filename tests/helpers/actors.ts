import type { EventRole } from '@/lib/auth/authorize';
import { actorForSession, openSession, type Actor } from '@/lib/auth/sessions';
import { grantEventRole, upsertUser } from '@/lib/auth/users';
import type { Db } from '@/db/types';

export type Grant = { eventSlug: string; role: EventRole; venueId?: string };

/** A signed-in person with a real database session, holding the given role (or none: an attendee). */
export async function actorFor(db: Db, email: string, grant?: Grant): Promise<Actor> {
  const userId = await upsertUser(db, { email, name: email.split('@')[0] });
  if (grant) await grantEventRole(db, { userId, ...grant });
  return (await actorForSession(db, await openSession(db, userId)))!;
}
