import { and, eq, sql } from 'drizzle-orm';
import { resultRows } from '@/db/rows';
import { registrations, type events } from '@/db/schema';
import type { Db } from '@/db/types';
import { outboxInsert } from '@/lib/mail/outbox';
import { queueRegistrationMail, registrationMail } from '@/lib/mail/registration-mail';
import type { ChoiceContext } from './choices';
import { itineraryItems } from './itinerary';
import { manageTokenFor, manageTokenHash, manageUrl } from './manage-token';
import { planSeats, recordSeatsAndMail } from './new-registration-seats';
import type { RegistrationResult } from './result';
import type { RegistrationInput } from './schema';
import { hasFreeSeat, type SeatLock, type SeatLockRequest } from './seats';

/** A registration checked against the event and its choices, ready to be written. */
export type PreparedRegistration = {
  id: string;
  input: RegistrationInput;
  event: typeof events.$inferSelect;
  choices: ChoiceContext;
  now: Date;
};

const ALREADY_REGISTERED = 'This email address is already registered for this forum. We have sent its manage link to it again.';

/**
 * Writes registrations in one transaction (the caller's): each registration, its seats and its
 * confirmation mail, or, for an address already registered, a reminder of its manage link. Answers
 * in the order given, which is also the order of waitlist places.
 *
 * The seat locks are taken once for all of them, after the registrations are inserted, so that
 * the time the locks are held (which bounds how many registrations per second a session takes) is
 * shared: under the locks there are two round trips, the locks with the waitlist tails and the
 * statements writing the seats and the mails, then the commit.
 */
export async function recordRegistrations(tx: Db, lock: SeatLock, batch: PreparedRegistration[]): Promise<RegistrationResult[]> {
  const inserted = await Promise.all(batch.map((registration) => insertRegistration(tx, registration)));
  const fresh = batch.flatMap((registration, i) => (inserted[i] ? [{ registration, sequence: inserted[i].sequence }] : []));
  const answers = new Map<string, RegistrationResult>();

  if (fresh.length) {
    const locked = await lock(tx, seatLockRequest(fresh.map((f) => f.registration)));
    const writes = [];
    for (const { registration, sequence } of fresh) {
      const { id, input, event, choices } = registration;
      const venue = choices.venue;
      const plan = await planSeats(tx, locked, { venueId: venue?.id ?? null, seatBySession: choices.seatBySession });
      const waitlistPosition = plan.venue?.status === 'waitlisted' ? plan.venue.position : null;
      const status = waitlistPosition === null ? ('confirmed' as const) : ('waitlisted' as const);
      const seats = new Map(plan.sessions.map((s) => [s.sessionId, { status: s.status, waitlistPosition: s.position }]));
      const mail = registrationMail(
        {
          registration: { id, name: input.name, email: input.email, locale: input.locale, mode: input.mode, status, waitlistPosition, sequence },
          event,
          venue,
          items: itineraryItems(input, venue, choices.places, choices.relayRooms, seats),
        },
        status,
      );
      writes.push(recordSeatsAndMail(tx, id, plan, outboxInsert(mail).insert));
      answers.set(id, {
        ok: true,
        status: 201,
        manageUrl: manageUrl(id),
        registration: { id, email: input.email, name: input.name, mode: input.mode, venue: venue?.slug ?? null, status, waitlistPosition, sessions: plan.sessions },
      });
    }
    // Sent together: postgres.js writes them in one go and PostgreSQL runs them in turn.
    await Promise.all(writes);
  }

  for (const [i, registration] of batch.entries()) {
    if (inserted[i]) continue;
    // Already registered: remind the original address of its manage link, and tell the requester
    // nothing more than that. After the seats above, in case the original is in this very batch.
    const [existing] = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.eventId, registration.event.id), eq(sql`lower(${registrations.email})`, registration.input.email)));
    if (existing) await queueRegistrationMail(tx, existing.id, 'manage-link');
    answers.set(registration.id, { ok: false, status: 409, error: ALREADY_REGISTERED });
  }
  return batch.map((registration) => answers.get(registration.id)!);
}

/** Inserts the registration as confirmed (its seats may make it waitlisted); nothing when the address is already registered. */
async function insertRegistration(tx: Db, { id, input, event, choices, now }: PreparedRegistration) {
  // Raw SQL: Drizzle's builder costs ~130 µs of CPU for this insert, on every registration.
  const [row] = resultRows<{ id: string; sequence: number }>(
    await tx.execute(sql`
      insert into registrations (id, event_id, email, name, organisation, job_title, country, participant_type, mode, venue_id, status, needs, locale, consent_at, manage_token_hash)
      values (${id}, ${event.id}, ${input.email}, ${input.name}, ${input.organisation}, ${input.jobTitle}, ${input.country}, ${input.participantType},
              ${input.mode}, ${choices.venue?.id ?? null}, 'confirmed', ${input.needs}, ${input.locale}, ${now.toISOString()}, ${manageTokenHash(manageTokenFor(id))})
      on conflict do nothing
      returning id, sequence`),
  );
  return row;
}

/**
 * The rows to lock for these registrations: their venues and the sessions where they take a seat.
 * Where one was already full when its choices were loaded, its waitlist tail comes with the lock.
 */
function seatLockRequest(batch: PreparedRegistration[]): SeatLockRequest {
  const request: Required<SeatLockRequest> = { venueIds: [], sessionIds: [], waitlistTails: { venueIds: [], sessionIds: [] } };
  for (const { choices } of batch) {
    if (choices.venue) {
      request.venueIds.push(choices.venue.id);
      if (!hasFreeSeat(choices.venue)) request.waitlistTails.venueIds.push(choices.venue.id);
    }
    for (const { session } of choices.places) {
      if (!choices.seatBySession.get(session.id)) continue;
      request.sessionIds.push(session.id);
      if (!hasFreeSeat(session)) request.waitlistTails.sessionIds.push(session.id);
    }
  }
  return request;
}
