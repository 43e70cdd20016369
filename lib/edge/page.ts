import { notFound } from 'next/navigation';
import { AuthorizationError, type EventRole } from '@/lib/auth/authorize';
import { actorOrSignIn } from '@/lib/auth/guards';
import { getDb } from '@/lib/database/process-database';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
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

/**
 * For a page of whoever is signed in (the exhibitor portal): sign-in coming back to `returnTo`, then
 * `load`, a lib function that decides what the actor may read; its refusal is a 404 like an unknown
 * address, so nobody learns which records exist.
 */
export async function loadSignedInPage<T>(returnTo: string, load: (context: { db: Db; actor: Actor }) => Promise<T>): Promise<T> {
  const actor = await actorOrSignIn(returnTo);
  try {
    return await load({ db: await getDb(), actor });
  } catch (error) {
    if (error instanceof AuthorizationError) notFound();
    throw error;
  }
}

/** A page's query as Next.js hands it over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** What Next.js hands a page: its address's parameters and its query, both as promises. */
export type PageProps<Params extends object> = { params: Promise<Params>; searchParams: Promise<SearchParams> };

/** The address's parameters with the query parsed by `schema` (whose fields fall back with `.catch`, so it never throws). */
export async function pageInput<Params extends object, Query>(
  props: PageProps<Params>,
  schema: { parse: (value: unknown) => Query },
): Promise<Params & { query: Query }> {
  const [params, searchParams] = await Promise.all([props.params, props.searchParams]);
  return { ...params, query: schema.parse(searchParams) };
}
