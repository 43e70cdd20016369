import { redirect } from 'next/navigation';
import { currentActor } from './current';
import type { Actor } from './sessions';

/** For pages: the signed-in actor, or a redirect to sign in that comes back here afterwards. */
export async function actorOrSignIn(returnTo: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
