import { and, eq, sql } from 'drizzle-orm';
import { resultRows } from '@/db/rows';
import { registrations, type events } from '@/db/schema';
import type { Db } from '@/db/types';
import { outboxInsert, type NewMail } from '@/lib/mail/outbox';
import { queueRegistrationMail, registrationMail } from '@/lib/mail/registration-mail';
import type { ChoiceContext } from './choices';
import { itineraryItems } from './itinerary';
import { manageTokenFor, manageTokenHash, manageUrl } from './manage-token';
import { planSeats, recordSeatsAndMails, type PlannedRegistration } from './new-registration-seats';
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
 * statement writing the seats and the mails, then the commit. Each step is one statement for the
 * whole batch.
 */
export async function recordRegistrations(tx: Db, lock: SeatLock, batch: PreparedRegistration[]): Promise<RegistrationResult[]> {
  const inserted = await insertRegistrations(tx, batch);
  const fresh = batch.filter((registration) => inserted.has(registration.id));
  const answers = new Map<string, RegistrationResult>();

  if (fresh.length) {
    const locked = await lock(tx, seatLockRequest(fresh));
    const planned: PlannedRegistration[] = [];
    const mails: NewMail[] = [];
    for (const registration of fresh) {
      const { id, input, event, choices } = registration;
      const venue = choices.venue;
      const plan = await planSeats(tx, locked, { venueId: venue?.id ?? null, seatBySession: choices.seatBySession });
      const waitlistPosition = plan.venue?.status === 'waitlisted' ? plan.venue.position : null;
      const status = waitlistPosition === null ? ('confirmed' as const) : ('waitlisted' as const);
      const seats = new Map(plan.sessions.map((s) => [s.sessionId, { status: s.status, waitlistPosition: s.position }]));
      planned.push({ registrationId: id, plan });
      mails.push(
        registrationMail(
          {
            registration: { id, name: input.name, email: input.email, locale: input.locale, mode: input.mode, status, waitlistPosition, sequence: inserted.get(id)! },
            event,
            venue,
            items: itineraryItems(input, venue, choices.places, choices.relayRooms, seats),
          },
          status,
        ),
      );
      answers.set(id, {
        ok: true,
        status: 201,
        manageUrl: manageUrl(id),
        registration: { id, email: input.email, name: input.name, mode: input.mode, venue: venue?.slug ?? null, status, waitlistPosition, sessions: plan.sessions },
      });
    }
    await recordSeatsAndMails(tx, planned, outboxInsert(mails).insert);
  }

  for (const registration of batch) {
    if (inserted.has(registration.id)) continue;
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

/**
 * Inserts the registrations as confirmed (their seats may make them waitlisted), in one statement;
 * an address already registered, or given twice here, is skipped. Returns the inserted ids with
 * their calendar sequence numbers.
 */
async function insertRegistrations(tx: Db, batch: PreparedRegistration[]): Promise<Map<string, number>> {
  const array = <V>(pick: (registration: PreparedRegistration) => V) => sql.param(batch.map(pick));
  // Raw SQL over arrays: Drizzle's builder costs ~130 µs of CPU per row for this insert, and one
  // statement for the whole batch saves a round trip per registration. WITH ORDINALITY keeps the
  // batch's order, so the first of two rows with the same address is the one inserted. The times go
  // as text: postgres.js has no serializer for timestamptz[].
  const rows = resultRows<{ id: string; sequence: number }>(
    await tx.execute(sql`
      insert into registrations (id, event_id, email, name, organisation, job_title, country, participant_type, mode, venue_id, status, needs, locale, consent_at, manage_token_hash)
      select r.id, r.event_id, r.email, r.name, r.organisation, r.job_title, r.country, r.participant_type::participant_type, r.mode::attendance_mode,
             r.venue_id, 'confirmed', r.needs, r.locale, r.consent_at::timestamptz, r.manage_token_hash
      from unnest(${array((r) => r.id)}::uuid[], ${array((r) => r.event.id)}::uuid[], ${array((r) => r.input.email)}::text[], ${array((r) => r.input.name)}::text[],
                  ${array((r) => r.input.organisation)}::text[], ${array((r) => r.input.jobTitle)}::text[], ${array((r) => r.input.country)}::text[],
                  ${array((r) => r.input.participantType)}::text[], ${array((r) => r.input.mode)}::text[], ${array((r) => r.choices.venue?.id ?? null)}::uuid[],
                  ${array((r) => r.input.needs)}::text[], ${array((r) => r.input.locale)}::text[], ${array((r) => r.now.toISOString())}::text[],
                  ${array((r) => manageTokenHash(manageTokenFor(r.id)))}::text[])
           with ordinality as r(id, event_id, email, name, organisation, job_title, country, participant_type, mode, venue_id, needs, locale, consent_at, manage_token_hash, position)
      order by r.position
      on conflict do nothing
      returning id, sequence`),
  );
  return new Map(rows.map((row) => [row.id, row.sequence]));
}

/**
 * The rows to lock for these registrations: their venues and the sessions where they take a seat.
 * Where one was already full when its choices were loaded, its waitlist tail comes with the lock.
 */
function seatLockRequest(batch: PreparedRegistration[]): SeatLockRequest {
  const request: Required<SeatLockRequest> = { venueIds: [], sessionIds: [], sessionsAtVenueIds: [], waitlistTails: { venueIds: [], sessionIds: [] } };
  for (const { choices } of batch) {
    if (choices.venue) {
      request.venueIds.push(choices.venue.id);
      if (!hasFreeSeat(choices.venue)) request.waitlistTails.venueIds.push(choices.venue.id);
    }
    for (const { session } of choices.places) {
      if (!choices.seatBySession.get(session.id)) continue;
      request.sessionIds.push(session.id);
      // Waitlisted for a full venue, they wait in the session's line even where seats are free.
      if (!hasFreeSeat(session) || (choices.venue && !hasFreeSeat(choices.venue))) request.waitlistTails.sessionIds.push(session.id);
    }
  }
  return request;
}
