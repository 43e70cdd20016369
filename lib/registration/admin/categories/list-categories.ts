import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { attendeeCategories, registrations, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import type { Actor } from '@/lib/auth/sessions';

export type CategoryRow = typeof attendeeCategories.$inferSelect & { awaitingApproval: number; inLine: number };

/** An event's categories for its organisers, with how many registrations await a decision or a place. */
export async function listCategories(db: Db, actor: Actor | null, slug: string): Promise<CategoryRow[]> {
  const event = await organiserEvent(db, actor, slug);
  const rows = await db
    .select({
      category: attendeeCategories,
      awaitingApproval: sql<number>`count(${registrations.id}) filter (where ${registrations.status} = 'pending' and ${registrations.categoryWaitlistPosition} is null)::int`,
      inLine: sql<number>`count(${registrations.id}) filter (where ${registrations.status} = 'pending' and ${registrations.categoryWaitlistPosition} is not null)::int`,
    })
    .from(attendeeCategories)
    .leftJoin(registrations, eq(registrations.categoryId, attendeeCategories.id))
    .where(eq(attendeeCategories.eventId, event.id))
    .groupBy(attendeeCategories.id)
    .orderBy(asc(attendeeCategories.position), asc(attendeeCategories.createdAt));
  return rows.map((r) => ({ ...r.category, awaitingApproval: r.awaitingApproval, inLine: r.inLine }));
}

export type PendingRow = {
  id: string;
  name: string;
  email: string;
  organisation: string;
  country: string;
  categoryId: string;
  createdAt: Date;
};

/** Registrations awaiting an organiser's decision (not those approved and waiting for a place), oldest first. */
export async function listAwaitingApproval(db: Db, actor: Actor | null, slug: string): Promise<PendingRow[]> {
  const event = await organiserEvent(db, actor, slug);
  const rows = await db
    .select({
      id: registrations.id,
      name: registrations.name,
      email: registrations.email,
      organisation: registrations.organisation,
      country: registrations.country,
      categoryId: registrations.categoryId,
      createdAt: registrations.createdAt,
    })
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), eq(registrations.status, 'pending'), isNull(registrations.decision)))
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
  return rows.flatMap((r) => (r.categoryId ? [{ ...r, categoryId: r.categoryId }] : []));
}

/** The event's in-person venues, for the category form's venue choice (online attendance is a mode, not a venue to allow). */
export async function venuesForCategories(db: Db, eventId: string) {
  return db
    .select({ id: venues.id, name: venues.name })
    .from(venues)
    .where(and(eq(venues.eventId, eventId), ne(venues.kind, 'online')))
    .orderBy(asc(venues.position));
}

/** One category of the event with what its page shows (null when the event has no such category). */
export async function categoryForEdit(db: Db, actor: Actor | null, slug: string, categoryId: string) {
  const event = await organiserEvent(db, actor, slug);
  const [category] = await db
    .select()
    .from(attendeeCategories)
    .where(and(eq(attendeeCategories.id, categoryId), eq(attendeeCategories.eventId, event.id)));
  if (!category) return null;
  return { event, category, venues: await venuesForCategories(db, event.id) };
}
