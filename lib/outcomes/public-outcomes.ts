import { cache } from 'react';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { events, outcomes, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { publishedEventBySlug } from '@/lib/agenda/events';
import { getDb } from '@/lib/database/process-database';
import { slugSchema } from '@/lib/validation/common';
import { meetingFigures, outcomeFigures } from './figures';

/**
 * What anyone may read of an outcome: only public ones, only of a published (or archived) event.
 * The listing it came from is not named here: a listing may be unpublished while the outcome is public.
 */
async function publicRows(db: Db, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  return db
    .select({
      id: outcomes.id,
      eventId: outcomes.eventId,
      kind: outcomes.kind,
      title: outcomes.title,
      parties: outcomes.parties,
      sector: outcomes.sector,
      signedOn: outcomes.signedOn,
      session: {
        slug: sessions.slug,
        title: sessions.title,
        startsAt: sessions.startsAt,
        endsAt: sessions.endsAt,
        timeZone: venues.timeZone,
        city: venues.city,
      },
    })
    .from(outcomes)
    .leftJoin(sessions, eq(sessions.id, outcomes.sessionId))
    .leftJoin(venues, eq(venues.id, sessions.venueId))
    .where(and(inArray(outcomes.eventId, eventIds), eq(outcomes.public, true)))
    .orderBy(desc(outcomes.signedOn), asc(outcomes.createdAt))
    .then((rows) =>
      rows.map(({ session, ...r }) => ({
        ...r,
        // A left join gives every column or none: a session, when there is one, has all of them.
        session:
          session?.slug && session.startsAt && session.endsAt && session.timeZone && session.title && session.city
            ? {
                ...session,
                slug: session.slug,
                startsAt: session.startsAt,
                endsAt: session.endsAt,
                timeZone: session.timeZone,
                title: session.title,
                city: session.city,
              }
            : null,
      })),
    );
}

export type PublicOutcome = Awaited<ReturnType<typeof publicRows>>[number];

/** A published event's public outcomes with their figures, or undefined when the event is not public. */
export async function eventOutcomes(db: Db, eventSlug: string) {
  const event = await publishedEventBySlug(db, eventSlug);
  if (!event) return undefined;
  const rows = await publicRows(db, [event.id]);
  return { event, outcomes: rows, figures: outcomeFigures(rows), meetings: await meetingFigures(db, event.id) };
}

/**
 * Every published edition, newest first, with the figures of its public outcomes and its meetings:
 * what the forum reports year by year. Each event is one edition.
 */
export async function editionFigures(db: Db) {
  const editions = await db
    .select({ id: events.id, slug: events.slug, name: events.name, startsAt: events.startsAt, timeZone: events.timeZone })
    .from(events)
    .where(inArray(events.status, ['published', 'archived']))
    .orderBy(desc(events.startsAt));
  const rows = await publicRows(
    db,
    editions.map((e) => e.id),
  );
  const result = [];
  for (const edition of editions) {
    const own = rows.filter((r) => r.eventId === edition.id);
    result.push({ ...edition, figures: outcomeFigures(own), meetings: await meetingFigures(db, edition.id) });
  }
  return { editions: result, totals: outcomeFigures(rows) };
}

/** The public outcomes page's data by its address's slug (once per request), or undefined. */
export const loadEventOutcomes = cache(async (eventSlug: string) => {
  const parsed = slugSchema.safeParse(eventSlug);
  return parsed.success ? eventOutcomes(await getDb(), parsed.data) : undefined;
});

export const loadEditionFigures = cache(async () => editionFigures(await getDb()));
