import { and, eq } from 'drizzle-orm';
import { registrations, sessionAttendance, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { inScope, scopedEvent } from '@/lib/admin/event-access';
import { DESK } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { ticketKey } from './check-in';

export type DoorOutcome =
  | { outcome: 'recorded'; name: string }
  | { outcome: 'already'; name: string; at: Date }
  | { outcome: 'not-admitted'; name: string }
  | { outcome: 'unknown-code' };

/**
 * A scan at a session's door: who attended which session, once per person and session (the
 * primary key of session_attendance), for reports and certificates. The door admits people who
 * were checked in at the venue; staff of one venue scan only at their venue's sessions and see
 * nothing of a ticket from elsewhere.
 */
export async function scanAtSessionDoor(
  db: Db,
  actor: Actor | null,
  slug: string,
  sessionId: string,
  code: string,
  now = new Date(),
): Promise<DoorOutcome> {
  const { event, scope } = await scopedEvent(db, actor, slug, DESK);
  const [session] = await db
    .select({ id: sessions.id, venueId: sessions.venueId })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, event.id)));
  if (!session || !inScope(scope, session.venueId)) return { outcome: 'unknown-code' };
  const key = ticketKey(code);
  if (!key) return { outcome: 'unknown-code' };
  const [person] = await db
    .select({ id: registrations.id, name: registrations.name, status: registrations.status, venueId: registrations.venueId })
    .from(registrations)
    .where(
      and(eq(registrations.eventId, event.id), 'id' in key ? eq(registrations.id, key.id) : eq(registrations.shortCode, key.shortCode)),
    );
  if (!person || !inScope(scope, person.venueId)) return { outcome: 'unknown-code' };
  if (person.status !== 'checked_in') return { outcome: 'not-admitted', name: person.name };
  const [recorded] = await db
    .insert(sessionAttendance)
    .values({ sessionId: session.id, registrationId: person.id, scannedAt: now, scannedBy: actor!.userId })
    .onConflictDoNothing()
    .returning({ at: sessionAttendance.scannedAt });
  if (recorded) return { outcome: 'recorded', name: person.name };
  const [first] = await db
    .select({ at: sessionAttendance.scannedAt })
    .from(sessionAttendance)
    .where(and(eq(sessionAttendance.sessionId, session.id), eq(sessionAttendance.registrationId, person.id)));
  return { outcome: 'already', name: person.name, at: first!.at };
}
