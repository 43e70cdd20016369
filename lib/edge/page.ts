import { notFound } from 'next/navigation';
import { AuthorizationError, type EventRole } from '@/lib/auth/authorize';
import { actorOrSignIn } from '@/lib/auth/guards';
import { getDb } from '@/lib/database/process-database';
import { eventContext, eventSlug, type EventContext } from './context';

/**
 * For an event's admin pages, the loader the actions use: the slug, sign-in (coming back to
 * `returnTo`), the actor's role in the event, then `load` (a lib function that checks the role
 * itself too). A refusal is a 404, so a stranger cannot tell an event exists.
 */
export async function loadEventPage<T>(
  slug: string,
  returnTo: string,
  load: (context: EventContext) => Promise<T>,
  roles: EventRole[] = ['organiser'],
): Promise<T> {
  const parsed = eventSlug(slug);
  if (!parsed.ok) notFound();
  const actor = await actorOrSignIn(returnTo);
  try {
    return await load(await eventContext(await getDb(), actor, parsed.slug, roles));
  } catch (error) {
    if (error instanceof AuthorizationError) notFound();
    throw error;
  }
}
