import { eq, inArray, sql } from 'drizzle-orm';
import { registrations, registrationSessions, sessions } from '@/db/schema';
import type { Db } from '@/db/types';
import { queueRegistrationMail } from '@/lib/mail/registration-mail';
import type { ChoiceContext } from './choices';
import { ADMITTED, claimSessionSeat, claimVenueSeat, fillFreeSeats, recordSessionChoice, releaseSessionSeat, releaseVenueSeat, type SeatLock } from './seats';

type Current = typeof registrations.$inferSelect;

/**
 * Moves a registration from what it holds now to `target` (null = cancelled) in the caller's
 * transaction: frees what it leaves, claims what it newly wants, gives every freed place to the first
 * in line who may take it, and queues the mail for the registrant and for everyone promoted.
 *
 * A freed venue place admits the first in the venue's line, whose waitlisted seats in that venue's
 * sessions then become theirs where seats are free: so the venue's sessions are all locked with it.
 * Session seats are handed out last, when everyone this change admits is admitted, in each
 * session's waitlist order.
 */
export async function rearrangeSeats(tx: Db, current: Current, target: { mode: 'in_person' | 'online'; choices: ChoiceContext } | null, lock: SeatLock): Promise<void> {
  const held = await tx
    .select({ sessionId: registrationSessions.sessionId, venueId: sessions.venueId })
    .from(registrationSessions)
    .innerJoin(sessions, eq(registrationSessions.sessionId, sessions.id))
    .where(eq(registrationSessions.registrationId, current.id));
  const heldSeat = new Map(held.map((h) => [h.sessionId, current.mode === 'in_person' && h.venueId === current.venueId]));
  const wanted = target?.choices.seatBySession ?? new Map<string, boolean>();
  const targetVenueId = target?.choices.venue?.id ?? null;

  // A session is released when no longer wanted or when whether it takes a seat changes.
  const released = [...heldSeat].filter(([id, seat]) => wanted.get(id) !== seat).map(([id]) => id);
  const claimed = [...wanted].filter(([id, seat]) => heldSeat.get(id) !== seat).map(([id]) => id);
  const venueChanges = current.venueId !== targetVenueId || target === null;
  const admittedNow = ADMITTED.includes(current.status as (typeof ADMITTED)[number]);
  const freesVenuePlace = venueChanges && current.venueId !== null && admittedNow;

  const locked = await lock(tx, {
    venueIds: [current.venueId, venueChanges ? targetVenueId : null].filter((v): v is string => Boolean(v)),
    sessionIds: [...released.filter((id) => heldSeat.get(id)), ...claimed.filter((id) => wanted.get(id))],
    sessionsAtVenueIds: freesVenuePlace ? [current.venueId!] : [],
  });
  const promoted = new Set<string>();
  const note = (id: string | null) => id && id !== current.id && promoted.add(id);

  for (const sessionId of released.sort()) {
    const session = heldSeat.get(sessionId) ? locked.sessions.get(sessionId) : undefined;
    if (session) await releaseSessionSeat(tx, current.id, session);
    else await tx.delete(registrationSessions).where(sql`${registrationSessions.registrationId} = ${current.id} AND ${registrationSessions.sessionId} = ${sessionId}`);
  }

  if (venueChanges && current.venueId) note(await releaseVenueSeat(tx, current, locked.venues.get(current.venueId)!));

  const now = new Date();
  if (!target) {
    await tx
      .update(registrations)
      .set({ status: 'cancelled', waitlistPosition: null, cancelledAt: now, updatedAt: now, sequence: sql`${registrations.sequence} + 1` })
      .where(eq(registrations.id, current.id));
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
    if (venueChanges && targetVenueId) admitted = (await claimVenueSeat(tx, current.id, locked.venues.get(targetVenueId)!)).status === 'confirmed';
    for (const sessionId of claimed.sort()) {
      const session = wanted.get(sessionId) ? locked.sessions.get(sessionId) : undefined;
      if (session) await claimSessionSeat(tx, current.id, session, admitted);
      else await recordSessionChoice(tx, current.id, sessionId);
    }
  }

  for (const session of [...locked.sessions.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const id of await fillFreeSeats(tx, session)) note(id);
  }

  await queueRegistrationMail(tx, current.id, target ? 'changed' : 'cancelled', { removedSessionIds: released.filter((id) => !wanted.has(id)) });
  if (promoted.size) {
    await tx
      .update(registrations)
      .set({ sequence: sql`${registrations.sequence} + 1`, updatedAt: now })
      .where(inArray(registrations.id, [...promoted]));
    for (const id of [...promoted].sort()) await queueRegistrationMail(tx, id, 'promoted');
  }
}
