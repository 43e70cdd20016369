import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { registrations, rooms, sessionAttendance, sessions, venues, type LocalizedText } from '@/db/schema';
import type { Db } from '@/db/types';
import { inScope, scopedEvent } from '@/lib/admin/event-access';
import { DESK } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { eventTimestamp } from '@/lib/format/event-time';
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

export type DoorSession = {
  id: string;
  title: LocalizedText;
  venueName: LocalizedText;
  city: LocalizedText;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  /** The session's own seat limit, else its room's, else none. */
  capacity: number | null;
  /** Distinct people scanned in so far. */
  attended: number;
};

/**
 * The sessions a door scanner may serve: those at the staff member's venues (all of them for
 * event-wide staff), in time order, each with its capacity and how many came in.
 */
export async function doorSessions(db: Db, actor: Actor | null, slug: string): Promise<DoorSession[]> {
  const { event, scope } = await scopedEvent(db, actor, slug, DESK);
  return db
    .select({
      id: sessions.id,
      title: sessions.title,
      venueName: venues.name,
      city: venues.city,
      timeZone: venues.timeZone,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      capacity: sql<number | null>`coalesce(${sessions.capacity}, ${rooms.capacity})`,
      attended: sql<number>`(select count(*)::int from ${sessionAttendance} a where a.session_id = ${sessions.id})`,
    })
    .from(sessions)
    .innerJoin(venues, eq(sessions.venueId, venues.id))
    .leftJoin(rooms, eq(sessions.roomId, rooms.id))
    .where(
      and(
        eq(sessions.eventId, event.id),
        sql`${sessions.status} <> 'cancelled'`,
        sql`${venues.kind} <> 'online'`,
        scope ? inArray(sessions.venueId, scope) : undefined,
      ),
    )
    .orderBy(asc(sessions.startsAt), asc(sessions.id));
}

/** A door scan as the door page shows it: the outcome, the time in the venue's zone, and the room's count. */
export type DoorView = {
  outcome: DoorOutcome['outcome'];
  name: string | null;
  at: string | null;
  attended: number;
  capacity: number | null;
};

export async function scanDoorView(
  db: Db,
  actor: Actor | null,
  slug: string,
  sessionId: string,
  code: string,
  now = new Date(),
): Promise<DoorView> {
  const result = await scanAtSessionDoor(db, actor, slug, sessionId, code, now);
  const session = (await doorSessions(db, actor, slug)).find((s) => s.id === sessionId);
  return {
    outcome: result.outcome,
    name: 'name' in result ? result.name : null,
    at: result.outcome === 'already' && session ? eventTimestamp(result.at, session.timeZone) : null,
    attended: session?.attended ?? 0,
    capacity: session?.capacity ?? null,
  };
}
