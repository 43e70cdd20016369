// Small venues and where a registration stands in them, for the seat tests.
import { eq } from 'drizzle-orm';
import { registrations, registrationSessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import type { RegistrationOutcome } from '@/lib/registration/result';
import { EVENT } from './registration';
import { addSeatedSession } from './seated-session';

/** A venue `${tag}-hall` holding `places` people, with one session `${tag}-session` of `seats` seats. */
export async function smallVenue(db: Db, tag: string, places: number | null, seats: number) {
  const seated = await addSeatedSession(db, { eventSlug: EVENT, venueSlug: `${tag}-hall`, sessionSlug: `${tag}-session`, capacity: seats });
  await db.update(venues).set({ capacity: places }).where(eq(venues.id, seated.venueId));
  return seated;
}

export function registered(result: RegistrationOutcome) {
  if (!result.ok) throw new Error(`expected a registration, got ${result.code} ${result.error}`);
  return result.registration;
}

/** Where a registration stands: at its venue, and in each session (status and place). */
export async function standing(db: Db, registrationId: string) {
  const [row] = await db
    .select({ status: registrations.status, position: registrations.waitlistPosition })
    .from(registrations)
    .where(eq(registrations.id, registrationId));
  const seats = await db.select().from(registrationSessions).where(eq(registrationSessions.registrationId, registrationId));
  return {
    venue: [row!.status, row!.position],
    sessions: Object.fromEntries(seats.map((s) => [s.sessionId, [s.status, s.waitlistPosition]])),
  };
}
