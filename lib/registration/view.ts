import { asc, eq } from 'drizzle-orm';
import { registrations, registrationSessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import type { RegistrationView } from './result';

export async function registrationView(db: Db, registrationId: string): Promise<RegistrationView> {
  const [row] = await db
    .select({ registration: registrations, venueSlug: venues.slug })
    .from(registrations)
    .leftJoin(venues, eq(registrations.venueId, venues.id))
    .where(eq(registrations.id, registrationId));
  if (!row) throw new Error(`registration ${registrationId} not found`);
  const seats = await db
    .select()
    .from(registrationSessions)
    .where(eq(registrationSessions.registrationId, registrationId))
    .orderBy(asc(registrationSessions.sessionId));
  const r = row.registration;
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    mode: r.mode,
    venue: row.venueSlug,
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    sessions: seats.map((s) => ({ sessionId: s.sessionId, status: s.status, position: s.waitlistPosition })),
  };
}
