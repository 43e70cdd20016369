import { notFound, redirect } from 'next/navigation';
import { headers } from 'next/headers';
import type { Db } from '@/db/types';
import { AuthorizationError, type EventRole } from '@/lib/auth/authorize';
import { currentActor } from '@/lib/auth/current';
import type { Actor } from '@/lib/auth/sessions';
import { getDb } from '@/lib/database/process-database';
import { forbidden, type Failure } from '@/lib/errors/result';
import { actionArg } from '@/lib/http/action-args';
import { slugSchema } from '@/lib/validation/common';
import { eventContext, eventSlug, type EventContext } from './context';
import { overLimit, type RateLimitName } from './rate-limits';

/*
 * The edges of every server action, written once. A refusal is decided before the action's form is
 * read, so a stranger gets the refusal (sign-in, or the 404 an unknown address gets), never the
 * form's errors. Malformed arguments are a forged call: 404 (lib/http/action-args.ts).
 */

const signInFor = (returnTo: string) => `/signin?callbackUrl=${encodeURIComponent(returnTo)}`;

function refuse(error: unknown, returnTo: string): never {
  if (!(error instanceof AuthorizationError)) throw error;
  if (error.reason === 'signed-out') redirect(signInFor(returnTo));
  notFound();
}

/**
 * An action on an event's admin pages: `at` is the page under /admin/events/<slug>/ it posts from
 * (where sign-in comes back to). The handler gets the event once the actor's role in it is checked.
 */
export async function eventAction<T>(
  slug: unknown,
  at: string,
  run: (context: EventContext & { path: string }) => Promise<T>,
  roles: EventRole[] = ['organiser'],
): Promise<T> {
  const eventSlug = actionArg(slugSchema, slug);
  const path = `/admin/events/${eventSlug}${at ? `/${at}` : ''}`;
  const db = await getDb();
  let context: EventContext;
  try {
    context = await eventContext(db, await currentActor(), eventSlug, roles);
  } catch (error) {
    refuse(error, path);
  }
  try {
    return await run({ ...context, path });
  } catch (error) {
    refuse(error, path);
  }
}

/** An admin action not about one event (creating one): lib/ checks the platform role; a refusal is sign-in or a 404. */
export async function adminAction<T>(returnTo: string, run: (context: { db: Db; actor: Actor | null }) => Promise<T>): Promise<T> {
  try {
    return await run({ db: await getDb(), actor: await currentActor() });
  } catch (error) {
    refuse(error, returnTo);
  }
}

/** An action anyone may post about a published event (the registration form): a bad slug or the named limit answer as failures. */
export async function publicEventAction<T extends object>(
  slug: unknown,
  options: { rateLimit?: RateLimitName },
  run: (context: { db: Db; slug: string }) => Promise<T>,
): Promise<T | Failure> {
  const limited = options.rateLimit ? await overLimit(options.rateLimit, await headers()) : null;
  if (limited) return limited;
  const parsed = eventSlug(slug);
  if (!parsed.ok) return parsed;
  return run({ db: await getDb(), slug: parsed.slug });
}

/** An action of whoever is signed in (the speaker portal): lib/ decides what they may touch; a refusal sends them to sign in. */
export async function signedInAction<T>(returnTo: string, run: (context: { db: Db; actor: Actor | null }) => Promise<T>): Promise<T> {
  try {
    return await run({ db: await getDb(), actor: await currentActor() });
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    redirect(signInFor(returnTo));
  }
}

/** The same, for a form that shows the refusal itself instead of leaving the page. */
export async function signedInFormAction<T extends object>(
  run: (context: { db: Db; actor: Actor | null }) => Promise<T>,
): Promise<T | Failure> {
  try {
    return await run({ db: await getDb(), actor: await currentActor() });
  } catch (error) {
    if (error instanceof AuthorizationError) return forbidden(error.reason);
    throw error;
  }
}

/** An action reached by a secret link (manage, sign-in): no actor, just the database. */
export async function linkAction<T>(run: (context: { db: Db }) => Promise<T>): Promise<T> {
  return run({ db: await getDb() });
}
