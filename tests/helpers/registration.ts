import { and, eq, sql } from 'drizzle-orm';
import { events, exhibitors, outbox, registrations, registrationSessions, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { registerAttendee } from '@/lib/registration/register';

export const EVENT = 'china-asean-tech-forum';

export async function sessionBySlug(db: Db, slug: string, eventSlug = EVENT) {
  const [row] = rows<{ id: string }>(
    await db.execute(sql`select s.id from sessions s join events e on e.id = s.event_id where s.slug = ${slug} and e.slug = ${eventSlug}`),
  );
  return row!.id;
}

export async function venueBySlug(db: Db, slug: string, eventSlug = EVENT) {
  const [row] = await db
    .select({ venue: venues })
    .from(venues)
    .innerJoin(events, eq(venues.eventId, events.id))
    .where(and(eq(venues.slug, slug), eq(events.slug, eventSlug)))
    .limit(1);
  return row!.venue;
}

/** The id of an exhibitor of a forum, by their slugs. */
export async function exhibitorIdBySlug(db: Db, slug: string, eventSlug = EVENT): Promise<string> {
  const [row] = await db
    .select({ id: exhibitors.id })
    .from(exhibitors)
    .innerJoin(events, eq(exhibitors.eventId, events.id))
    .where(and(eq(exhibitors.slug, slug), eq(events.slug, eventSlug)));
  return row!.id;
}

/** Registers `input` in the demo forum (at `now`) and answers the new registration's id; a refusal fails the test. */
export async function registeredId(db: Db, input: Record<string, unknown>, now?: Date): Promise<string> {
  const result = await registerAttendee(db, EVENT, input, now ? { now } : {});
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

export function rows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export function person(n: number | string, overrides: Record<string, unknown> = {}) {
  return {
    name: `Participant ${n}`,
    email: `p${n}@example.org`,
    organisation: 'Guangxi University',
    jobTitle: 'Researcher',
    country: 'CN',
    participantType: 'young_scientist',
    mode: 'in_person',
    venue: 'nanning',
    sessions: [] as string[],
    locale: 'en',
    consent: true,
    ...overrides,
  };
}

export async function counts(db: Db) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(registrations);
  const [s] = await db.select({ n: sql<number>`count(*)::int` }).from(registrationSessions);
  const [o] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox);
  return { registrations: r!.n, seats: s!.n, mails: o!.n };
}

export async function seatsOf(db: Db, sessionId: string) {
  const all = await db.select().from(registrationSessions).where(eq(registrationSessions.sessionId, sessionId));
  const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
  return {
    confirmed: all.filter((s) => s.status === 'confirmed'),
    waitlisted: all.filter((s) => s.status === 'waitlisted').sort((a, b) => a.waitlistPosition! - b.waitlistPosition!),
    counter: session!.confirmedCount,
  };
}

export async function waitlistedAt(db: Db, venueId: string) {
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.venueId, venueId), eq(registrations.status, 'waitlisted')));
}
