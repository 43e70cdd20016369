import { and, eq, sql } from 'drizzle-orm';
import { registrations, registrationSessions, sessions, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { pick } from '@/lib/i18n/text';
import { queueRegistrationMail } from '@/lib/mail/registration-mail';
import { retryingDeadlocks } from '../deadlock-retry';
import { ADMITTED, claimSessionSeat, claimVenueSeat, fillFreeSeats, lockSeats, releaseSessionSeat, releaseVenueSeat } from '../seats';
import { notFound, type AdminActionResult } from './action-result';

function noFreeSeat(place: string, confirmed: number, capacity: number): AdminActionResult {
  return {
    ok: false,
    status: 409,
    error: `No seat is free at ${place}: ${confirmed} of ${capacity} are taken. Cancel a confirmed registration or raise the capacity first.`,
  };
}

/**
 * Lock order matches the registrant's own change/cancel path: the registration row first, then the
 * venue and session rows through lockSeats, so these actions never deadlock against it.
 */
async function lockedRegistration(tx: Db, eventId: string, registrationId: string) {
  const [row] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId)))
    .for('update');
  return row;
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
export async function promoteAtVenue(db: Db, actor: Actor | null, slug: string, registrationId: string): Promise<AdminActionResult> {
  const event = await organiserEvent(db, actor, slug);
  // Deadlocks: see deadlock-retry.ts.
  return retryingDeadlocks(() => db.transaction(async (tx) => {
    const current = await lockedRegistration(tx, event.id, registrationId);
    if (!current) return notFound;
    if (current.status !== 'waitlisted' || !current.venueId) return { ok: false as const, status: 409 as const, error: 'This registration is not on a venue waitlist' };
    // Admitted, they take their waitlisted seats in the venue's sessions where seats are free.
    const locked = await lockSeats(tx, { venueIds: [current.venueId], sessionIds: [], sessionsAtVenueIds: [current.venueId] });
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
    return { ok: true as const, promoted: current.id };
  }));
}

/** Gives a registrant waitlisted for a session a seat in it, but only while the session has a free seat. */
export async function promoteSessionSeat(db: Db, actor: Actor | null, slug: string, registrationId: string, sessionId: string): Promise<AdminActionResult> {
  const event = await organiserEvent(db, actor, slug);
  // Deadlocks: see deadlock-retry.ts.
  return retryingDeadlocks(() => db.transaction(async (tx) => {
    const current = await lockedRegistration(tx, event.id, registrationId);
    if (!current) return notFound;
    if (current.status === 'cancelled') return { ok: false as const, status: 409 as const, error: 'This registration is cancelled' };
    const locked = await lockSeats(tx, { venueIds: [], sessionIds: [sessionId] });
    const session = locked.sessions.get(sessionId);
    const [seat] = await tx
      .select({ status: registrationSessions.status, position: registrationSessions.waitlistPosition })
      .from(registrationSessions)
      .where(and(eq(registrationSessions.registrationId, current.id), eq(registrationSessions.sessionId, sessionId)));
    if (!session || !seat || seat.status !== 'waitlisted') {
      return { ok: false as const, status: 409 as const, error: 'This registrant is not on the waitlist of that session' };
    }
    if (current.mode !== 'in_person' || current.venueId !== session.venueId || !ADMITTED.includes(current.status as (typeof ADMITTED)[number])) {
      return { ok: false as const, status: 409 as const, error: 'This registrant is still waitlisted for the venue: give them a place at the venue first, and their session seats follow' };
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
    return { ok: true as const, promoted: current.id };
  }));
}
