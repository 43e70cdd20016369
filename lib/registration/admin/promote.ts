import { and, eq, sql } from 'drizzle-orm';
import { registrations, registrationSessions, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { requireInScope, scopedEvent } from '@/lib/admin/event-access';
import { VENUE_EDITORS } from '@/lib/auth/authorize';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { pick } from '@/lib/i18n/text';
import { queueRegistrationMail } from '@/lib/registration/registration-mail';
import { RegistrationChangedMeanwhile, retryingDeadlocks } from '../deadlock-retry';
import {
  ADMITTED,
  claimSessionSeat,
  claimVenueSeat,
  fillFreeSeats,
  lockSeats,
  releaseSessionSeat,
  releaseVenueSeat,
  type SeatLockRequest,
} from '../seats';
import { conflict, notFound, ok, type Result } from '@/lib/errors/result';

/** An organiser's promotion: who moved up, or why nobody did. */
type Promotion = Result<{ promoted: string }>;

const NO_SUCH_REGISTRATION = 'No such registration in this event';

function noFreeSeat(place: string, confirmed: number, capacity: number): Promotion {
  return conflict(
    `No seat is free at ${place}: ${confirmed} of ${capacity} are taken. Cancel a confirmed registration or raise the capacity first.`,
  );
}

type Registration = typeof registrations.$inferSelect;

/**
 * The registration (of this event) with the seat locks it needs, taken in the order every writer
 * follows: the seats first, then the registration's row (see rearrange.ts). Decided from the row as
 * read before the locks; should it have changed by the time it is locked, the transaction starts
 * again (RegistrationChangedMeanwhile).
 */
async function lockedWithSeats(tx: Db, eventId: string, registrationId: string, seatsFor: (row: Registration) => SeatLockRequest | null) {
  const [seen] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId)));
  if (!seen) return { current: null, locked: null };
  const request = seatsFor(seen);
  if (!request) return { current: seen, locked: null };
  const locked = await lockSeats(tx, request);
  const [current] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update');
  if (!current || current.sequence !== seen.sequence || current.status !== seen.status || current.venueId !== seen.venueId)
    throw new RegistrationChangedMeanwhile();
  return { current, locked };
}

async function bumpAndNotify(tx: Db, registrationId: string) {
  await tx
    .update(registrations)
    .set({ sequence: sql`${registrations.sequence} + 1`, updatedAt: new Date() })
    .where(eq(registrations.id, registrationId));
  await queueRegistrationMail(tx, registrationId, 'promoted');
}

/**
 * Gives a waitlisted in-person registrant a place at their venue, ahead of the queue if the
 * organiser chooses so, but only while the venue has a free place.
 */
export async function promoteAtVenue(db: Db, actor: Actor | null, slug: string, registrationId: string): Promise<Promotion> {
  const { event, scope } = await scopedEvent(db, actor, slug, VENUE_EDITORS);
  // Retried whole when a deadlock or a concurrent change got in the way: see deadlock-retry.ts.
  return retryingDeadlocks(() =>
    db.transaction(async (tx): Promise<Promotion> => {
      // Admitted, they take their waitlisted seats in the venue's sessions where seats are free.
      const { current, locked } = await lockedWithSeats(tx, event.id, registrationId, (row) =>
        row.status === 'waitlisted' && row.venueId ? { venueIds: [row.venueId], sessionIds: [], sessionsAtVenueIds: [row.venueId] } : null,
      );
      if (!current) return notFound(NO_SUCH_REGISTRATION);
      requireInScope(scope, current.venueId);
      if (!locked || !current.venueId) return conflict('This registration is not on a venue waitlist');
      const venue = locked.venues.get(current.venueId)!;
      if (venue.capacity !== null && venue.confirmedCount >= venue.capacity) {
        const [named] = await tx.select({ name: venues.name }).from(venues).where(eq(venues.id, venue.id));
        return noFreeSeat(pick(named?.name, 'en'), venue.confirmedCount, venue.capacity);
      }
      // Leaving the waitlist moves everyone behind up one; the free place is then claimed as usual.
      await releaseVenueSeat(tx, current, venue);
      const outcome = await claimVenueSeat(tx, current.id, venue);
      if (outcome.status !== 'confirmed') throw new Error('a free venue place was not claimed');
      for (const session of [...locked.sessions.values()].sort((a, b) => a.id.localeCompare(b.id))) await fillFreeSeats(tx, session);
      await bumpAndNotify(tx, current.id);
      await recordAudit(tx, {
        eventId: event.id,
        actorUserId: actor!.userId,
        action: 'registration.promote',
        entity: 'registration',
        entityId: current.id,
        details: { name: current.name, email: current.email, venueId: current.venueId, previousPosition: current.waitlistPosition },
      });
      return ok({ promoted: current.id });
    }),
  );
}

/** Gives a registrant waitlisted for a session a seat in it, but only while the session has a free seat. */
export async function promoteSessionSeat(
  db: Db,
  actor: Actor | null,
  slug: string,
  registrationId: string,
  sessionId: string,
): Promise<Promotion> {
  const { event, scope } = await scopedEvent(db, actor, slug, VENUE_EDITORS);
  // Retried whole when a deadlock or a concurrent change got in the way: see deadlock-retry.ts.
  return retryingDeadlocks(() =>
    db.transaction(async (tx): Promise<Promotion> => {
      const { current, locked } = await lockedWithSeats(tx, event.id, registrationId, (row) =>
        row.status === 'cancelled' ? null : { venueIds: [], sessionIds: [sessionId] },
      );
      if (!current) return notFound(NO_SUCH_REGISTRATION);
      requireInScope(scope, current.venueId);
      if (!locked) return conflict('This registration is cancelled');
      const session = locked.sessions.get(sessionId);
      const [seat] = await tx
        .select({ status: registrationSessions.status, position: registrationSessions.waitlistPosition })
        .from(registrationSessions)
        .where(and(eq(registrationSessions.registrationId, current.id), eq(registrationSessions.sessionId, sessionId)));
      if (!session || !seat || seat.status !== 'waitlisted') {
        return conflict('This registrant is not on the waitlist of that session');
      }
      if (
        current.mode !== 'in_person' ||
        current.venueId !== session.venueId ||
        !ADMITTED.includes(current.status as (typeof ADMITTED)[number])
      ) {
        return conflict(
          'This registrant is still waitlisted for the venue: give them a place at the venue first, and their session seats follow',
        );
      }
      if (session.capacity !== null && session.confirmedCount >= session.capacity) {
        const [named] = await tx.select({ title: sessions.title }).from(sessions).where(eq(sessions.id, session.id));
        return noFreeSeat(`“${pick(named?.title, 'en')}”`, session.confirmedCount, session.capacity);
      }
      // Leaving the waitlist moves everyone behind up one; the free seat is then claimed as usual.
      await releaseSessionSeat(tx, current.id, session);
      const outcome = await claimSessionSeat(tx, current.id, session, true);
      if (outcome.status !== 'confirmed') throw new Error('a free session seat was not claimed');
      await bumpAndNotify(tx, current.id);
      await recordAudit(tx, {
        eventId: event.id,
        actorUserId: actor!.userId,
        action: 'registration.session.promote',
        entity: 'registration',
        entityId: current.id,
        details: { name: current.name, email: current.email, sessionId, previousPosition: seat.position },
      });
      return ok({ promoted: current.id });
    }),
  );
}
