import { cookies } from 'next/headers';
import { decode } from 'next-auth/jwt';
import { getDb } from '@/lib/database/process-database';
import { appSecret } from '@/lib/security/secret';
import { sessionCookieName } from './options';
import { actorForSession, type Actor } from './sessions';

export type { Actor } from './sessions';

/**
 * Who is signed in for this request, checked against the session table every time. The session
 * token is read from the encrypted cookie here, on the server; next-auth's session answer does not
 * carry it. (The cookie is small, so next-auth never splits it into chunks.)
 */
export async function currentActor(): Promise<Actor | null> {
  return actorFromSessionCookie((await cookies()).get(sessionCookieName())?.value);
}

/** The same from the session cookie's value, for a route handler that reads its request's cookies. */
export async function actorFromSessionCookie(cookie: string | undefined): Promise<Actor | null> {
  if (!cookie) return null;
  const token = await decode({ token: cookie, secret: appSecret() }).catch(() => null);
  const sessionToken = typeof token?.sessionToken === 'string' ? token.sessionToken : null;
  return sessionToken ? actorForSession(await getDb(), sessionToken) : null;
}
