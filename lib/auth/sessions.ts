import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { authSessions, users } from '@/db/schema';
import type { Db } from '@/db/types';

export const SESSION_MAX_AGE_SECONDS = 60 * 60 * 12;

/**
 * Signed-in sessions are rows, so signing out, an expired session and a disabled account take effect
 * on the next request even though the browser still holds a signed cookie.
 */
export async function openSession(db: Db, userId: string): Promise<string> {
  const sessionToken = randomBytes(32).toString('base64url');
  await db.insert(authSessions).values({
    sessionToken,
    userId,
    expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
  });
  return sessionToken;
}

export async function closeSession(db: Db, sessionToken: string): Promise<void> {
  await db.delete(authSessions).where(eq(authSessions.sessionToken, sessionToken));
}

export type Actor = {
  userId: string;
  email: string;
  name: string | null;
  isPlatformAdmin: boolean;
  /** Platform admins hold it too. */
  canCreateEvents: boolean;
  sessionToken: string;
};

/** The user behind a live session, or null when it was closed, expired or the account disabled. */
export async function actorForSession(db: Db, sessionToken: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
      canCreateEvents: users.canCreateEvents,
    })
    .from(authSessions)
    .innerJoin(users, eq(authSessions.userId, users.id))
    .where(and(eq(authSessions.sessionToken, sessionToken), gt(authSessions.expires, new Date()), isNull(users.disabledAt)));
  if (!row) return null;
  const { id, isPlatformAdmin, canCreateEvents, ...person } = row;
  return { userId: id, ...person, isPlatformAdmin, canCreateEvents: canCreateEvents || isPlatformAdmin, sessionToken };
}
