import { eq, inArray, sql } from 'drizzle-orm';
import { registrations, registrationSessions, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { queueRegistrationMail } from '@/lib/registration/registration-mail';
import type { ChoiceContext } from './choices';
import { runCancellationHooks } from './cancellation-hooks';
import { RegistrationChangedMeanwhile } from './deadlock-retry';
import { leaveCategory } from './categories/leave-category';
import { lockCategory } from './categories/category-seats';
import {
  ADMITTED,
  claimSessionSeat,
  claimVenueSeat,
  fillFreeSeats,
  recordSessionChoice,
  releaseSessionSeat,
  releaseVenueSeat,
  type SeatLock,
} from './seats';

type Current = typeof registrations.$inferSelect;

const isAdmitted = (registration: Current) => ADMITTED.includes(registration.status as (typeof ADMITTED)[number]);

/**
 * Moves a registration from what it holds now to `target` (null = cancelled) in the caller's
 * transaction: frees what it leaves, claims what it newly wants, gives every freed place to the first
 * in line who may take it, and queues the mail for the registrant and for everyone promoted. Returns
 * the registration as it was before, or null when there is none; a cancelled one is left alone.
 *
 * Locks: the seats first (venues, then sessions, as lockSeats takes them), then the registration's
 * own row, the order every writer follows, because whoever frees a seat updates the rows of the
 * people it promotes and of those who move up in line. The plan is made from the row read before
 * the locks; should the row have changed by the time it is locked, the transaction starts again
 * (RegistrationChangedMeanwhile).
 *
 * A freed venue place admits the first in the venue's line, whose waitlisted seats in that venue's
 * sessions then become theirs where seats are free: so the venue's sessions are all locked with it.
 * Session seats are handed out last, when everyone this change admits is admitted, in each
 * session's waitlist order.
 */
export async function rearrangeSeats(
  tx: Db,
  registrationId: string,
  target: { mode: 'in_person' | 'online'; choices: ChoiceContext } | null,
  lock: SeatLock,
): Promise<Current | null> {
  const [seen] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
  if (!seen || seen.status === 'cancelled') return seen ?? null;
  // A pending registration holds no seat to move: it is approved (categories/admit.ts) or cancelled.
  if (seen.status === 'pending' && target) return seen;
  // Its category's lock comes first, before the seats, as every writer of category places takes it.
  const category = seen.categoryId && !target ? await lockCategory(tx, seen.categoryId) : null;
  const held = await tx
    .select({ sessionId: registrationSessions.sessionId, venueId: sessions.venueId })
    .from(registrationSessions)
    .innerJoin(sessions, eq(registrationSessions.sessionId, sessions.id))
    .where(eq(registrationSessions.registrationId, seen.id));
  const heldSeat = new Map(held.map((h) => [h.sessionId, seen.mode === 'in_person' && h.venueId === seen.venueId]));
  const wanted = target?.choices.seatBySession ?? new Map<string, boolean>();
  const targetVenueId = target?.choices.venue?.id ?? null;

  // A session is released when no longer wanted or when whether it takes a seat changes.
  const released = [...heldSeat].filter(([id, seat]) => wanted.get(id) !== seat).map(([id]) => id);
  const claimed = [...wanted].filter(([id, seat]) => heldSeat.get(id) !== seat).map(([id]) => id);
  const venueChanges = seen.venueId !== targetVenueId || target === null;
  const freesVenuePlace = venueChanges && seen.venueId !== null && isAdmitted(seen);

  const locked = await lock(tx, {
    venueIds: [seen.venueId, venueChanges ? targetVenueId : null].filter((v): v is string => Boolean(v)),
    sessionIds: [...released.filter((id) => heldSeat.get(id)), ...claimed.filter((id) => wanted.get(id))],
    sessionsAtVenueIds: freesVenuePlace ? [seen.venueId!] : [],
  });
  const [current] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for('update');
  if (!current || current.sequence !== seen.sequence || current.status !== seen.status) throw new RegistrationChangedMeanwhile();
  const admittedNow = isAdmitted(current);
  const promoted = new Set<string>();
  const note = (id: string | null) => id && id !== current.id && promoted.add(id);

  for (const sessionId of released.sort()) {
    const session = heldSeat.get(sessionId) ? locked.sessions.get(sessionId) : undefined;
    if (session) await releaseSessionSeat(tx, current.id, session);
    else
      await tx
        .delete(registrationSessions)
        .where(sql`${registrationSessions.registrationId} = ${current.id} AND ${registrationSessions.sessionId} = ${sessionId}`);
  }

  if (venueChanges && current.venueId) note(await releaseVenueSeat(tx, current, locked.venues.get(current.venueId)!));

  const now = new Date();
  if (!target) {
    await tx
      .update(registrations)
      .set({
        status: 'cancelled',
        waitlistPosition: null,
        categoryWaitlistPosition: null,
        cancelledAt: now,
        updatedAt: now,
        sequence: sql`${registrations.sequence} + 1`,
      })
      .where(eq(registrations.id, current.id));
    if (category) await leaveCategory(tx, category, current);
    // What other domains hold for the person ends with it: their meetings, whose other side is told.
    await runCancellationHooks(tx, current.id, now);
  } else {
    await tx
      .update(registrations)
      .set({
        mode: target.mode,
        venueId: targetVenueId,
        ...(venueChanges ? { status: 'confirmed' as const, waitlistPosition: null } : {}),
        updatedAt: now,
        sequence: sql`${registrations.sequence} + 1`,
      })
      .where(eq(registrations.id, current.id));
    let admitted = venueChanges ? true : admittedNow;
    if (venueChanges && targetVenueId)
      admitted = (await claimVenueSeat(tx, current.id, locked.venues.get(targetVenueId)!)).status === 'confirmed';
    for (const sessionId of claimed.sort()) {
      const session = wanted.get(sessionId) ? locked.sessions.get(sessionId) : undefined;
      if (session) await claimSessionSeat(tx, current.id, session, admitted);
      else await recordSessionChoice(tx, current.id, sessionId);
    }
  }

  for (const session of [...locked.sessions.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const id of await fillFreeSeats(tx, session)) note(id);
  }

  await queueRegistrationMail(tx, current.id, target ? 'changed' : 'cancelled', {
    removedSessionIds: released.filter((id) => !wanted.has(id)),
  });
  if (promoted.size) {
    await tx
      .update(registrations)
      .set({ sequence: sql`${registrations.sequence} + 1`, updatedAt: now })
      .where(inArray(registrations.id, [...promoted]));
    for (const id of [...promoted].sort()) await queueRegistrationMail(tx, id, 'promoted');
  }
  return current;
}
