import { asc, eq } from 'drizzle-orm';
import { events, registrations, registrationSessions, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { registrationIdFromManageToken } from './manage-token';

/** What the manage page shows; only reachable with the registration's signed manage token. */
export async function registrationForManageToken(db: Db, token: string) {
  const id = registrationIdFromManageToken(token);
  if (!id) return null;
  const [row] = await db
    .select({ registration: registrations, event: events, venue: venues })
    .from(registrations)
    .innerJoin(events, eq(registrations.eventId, events.id))
    .leftJoin(venues, eq(registrations.venueId, venues.id))
    .where(eq(registrations.id, id));
  if (!row) return null;
  const seats = await db
    .select({ seat: registrationSessions, session: sessions })
    .from(registrationSessions)
    .innerJoin(sessions, eq(registrationSessions.sessionId, sessions.id))
    .where(eq(registrationSessions.registrationId, id))
    .orderBy(asc(sessions.startsAt));
  return { ...row, seats };
}
