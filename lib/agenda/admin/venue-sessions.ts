import { and, count, eq, ne } from 'drizzle-orm';
import { registrations, sessionRelays, sessions } from '@/db/schema';
import type { Db } from '@/db/types';

/**
 * How many sessions are shown at a venue in its local time: held there or relayed to it. These
 * are the sessions whose local times move when the venue's zone changes.
 */
export async function sessionsShownAtVenue(db: Db, venueId: string): Promise<number> {
  const [held] = await db.select({ n: count() }).from(sessions).where(eq(sessions.venueId, venueId));
  const [relayed] = await db.select({ n: count() }).from(sessionRelays).where(eq(sessionRelays.venueId, venueId));
  return (held?.n ?? 0) + (relayed?.n ?? 0);
}

/** Registrations (not cancelled) that attend this venue in person. */
export async function activeInPersonRegistrations(db: Db, venueId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(registrations)
    .where(and(eq(registrations.venueId, venueId), ne(registrations.status, 'cancelled')));
  return row?.n ?? 0;
}
