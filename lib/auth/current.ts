import { getServerSession } from 'next-auth';
import { getDb } from '@/db/client';
import { authOptions } from './options';
import { actorForSession, type Actor } from './sessions';

export type { Actor } from './sessions';

/** Who is signed in for this request, checked against the session table every time. */
export async function currentActor(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions())) as { sessionToken?: string } | null;
  if (!session?.sessionToken) return null;
  return actorForSession(await getDb(), session.sessionToken);
}
