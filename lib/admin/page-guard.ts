import { notFound, redirect } from 'next/navigation';
import { AuthorizationError } from '@/lib/auth/authorize';
import { currentActor } from '@/lib/auth/current';
import { actorOrSignIn } from '@/lib/auth/guards';
import type { Actor } from '@/lib/auth/sessions';

/**
 * For organiser pages: runs `load` (a lib function that checks the actor's role itself) and turns a
 * refusal into sign-in or a 404 — a 404 so a stranger cannot tell an event exists.
 */
export async function loadForPage<T>(returnTo: string, load: (actor: Actor) => Promise<T>): Promise<T> {
  const actor = await actorOrSignIn(returnTo);
  try {
    return await load(actor);
  } catch (error) {
    if (error instanceof AuthorizationError) notFound();
    throw error;
  }
}

/** For server actions: the same, but the actor is read afresh for the request that posts. */
export async function runForAction<T>(returnTo: string, run: (actor: Actor | null) => Promise<T>): Promise<T> {
  try {
    return await run(await currentActor());
  } catch (error) {
    if (error instanceof AuthorizationError) {
      if (error.reason === 'signed-out') redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
      notFound();
    }
    throw error;
  }
}
