import type { NextRequest } from 'next/server';
import type { Db } from '@/db/types';
import { authorizationFailure, type EventRole } from '@/lib/auth/authorize';
import { currentActor } from '@/lib/auth/current';
import type { Actor } from '@/lib/auth/sessions';
import { getDb } from '@/lib/database/process-database';
import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { loadPublicAgenda } from '@/lib/agenda/load';
import type { PublicAgenda } from '@/lib/agenda/public-agenda';
import { eventContext, eventSlug, NO_SUCH_FORUM, type EventContext } from './context';

/*
 * The edges of every route handler, written once: the slug, then who asks. Failures answer through
 * errorResponse, so the status codes and bodies are those of lib/errors/http.ts. (The registration
 * route's rate limit is taken in lib/api/registration-answer.ts, which the app server calls too.) Origin and body-size checks happen before any
 * of this, in lib/server/admit-request.ts.
 */

type Handler<Params, Req extends Request = Request> = (request: Req, context: { params: Promise<Params> }) => Promise<Response>;

/** Any route: the handler gets the database and its address's parameters. */
export function route<Params extends object = object>(
  handle: (context: { request: Request; params: Params; db: Db }) => Promise<Response>,
): (request?: Request, context?: { params: Promise<Params> }) => Promise<Response> {
  return async (request, context) =>
    handle({ request: request as Request, params: ((await context?.params) ?? {}) as Params, db: await getDb() });
}

/** A public route about one event's published programme: the programme, or 404 for a forum that is not published. */
export function agendaRoute<Params extends { slug: string }>(
  handle: (context: { request: NextRequest; params: Params; agenda: PublicAgenda }) => Promise<Response>,
): Handler<Params, NextRequest> {
  return async (request, { params }) => {
    const resolved = await params;
    const agenda = await loadPublicAgenda(resolved.slug);
    if (!agenda) return errorResponse(notFound(NO_SUCH_FORUM));
    return handle({ request, params: resolved, agenda });
  };
}

/** A public route about one event (/api/v1/events/{slug}/…): a malformed slug is a 404. */
export function eventRoute<Params extends { slug: string }>(
  handle: (context: { request: Request; params: Params; db: Db; slug: string }) => Promise<Response>,
): Handler<Params> {
  return async (request, { params }) => {
    const resolved = await params;
    const slug = eventSlug(resolved.slug);
    if (!slug.ok) return errorResponse(slug);
    return handle({ request, params: resolved, db: await getDb(), slug: slug.slug });
  };
}

/** A route for people holding one of `roles` in the event: 401 when signed out, 403 otherwise. */
export function staffRoute<Params extends { slug: string }>(
  roles: EventRole[],
  handle: (context: EventContext & { request: Request; params: Params }) => Promise<Response>,
  headers: Record<string, string> = {},
): Handler<Params> {
  return async (request, { params }) => {
    const resolved = await params;
    const db = await getDb();
    try {
      const context = await eventContext(db, await currentActor(), String(resolved.slug), roles);
      return await handle({ ...context, request, params: resolved });
    } catch (error) {
      return errorResponse(authorizationFailure(error), headers);
    }
  };
}

/**
 * The part of a route that acts for whoever is signed in, once the request's own checks (origin,
 * body, ids) have passed: lib/ decides what they may touch; a refusal is a 401 or 403.
 */
export async function asSignedIn(handle: (context: { db: Db; actor: Actor | null }) => Promise<Response>): Promise<Response> {
  try {
    return await handle({ db: await getDb(), actor: await currentActor() });
  } catch (error) {
    return errorResponse(authorizationFailure(error));
  }
}
