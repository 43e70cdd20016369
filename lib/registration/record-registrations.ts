import { sql } from 'drizzle-orm';
import { resultRows } from '@/db/rows';
import type { events } from '@/db/schema';
import type { Db } from '@/db/types';
import { outboxInsert, type NewMail } from '@/lib/mail/outbox';
import { auditInsert } from '@/lib/audit/record-audit';
import { queueRegistrationMail, registrationMail } from '@/lib/registration/registration-mail';
import type { ChoiceContext } from './choices';
import { itineraryItems } from './itinerary';
import { manageTokenFor, manageTokenHash } from './manage-token';
import { planSeats, recordSeatsAndMails, type PlannedRegistration } from './new-registration-seats';
import { conflict } from '@/lib/errors/result';
import type { RegistrationOutcome } from './result';
import type { RegistrationInput } from './schema';
import { hasFreeSeat, type SeatLock, type SeatLockRequest } from './seats';
import type { AnswerRow } from './questions/answer-rows';
import { insertAnswers } from './questions/record-answers';

/** A registration checked against the event and its choices, ready to be written. */
export type PreparedRegistration = {
  id: string;
  input: RegistrationInput;
  event: typeof events.$inferSelect;
  choices: ChoiceContext;
  now: Date;
  /** The request that submitted it: carried to its mail's outbox row and the logs (docs/operations.md). */
  requestId?: string | null;
  /** Answers to the organisers' questions, checked against their definitions. */
  answers?: AnswerRow[];
  /** A member (or the head) of a delegation; `mailTo`: the head's address, when the member's mail goes to the head. */
  delegation?: { id: string; head: boolean; mailTo: string | null };
};

export const ALREADY_REGISTERED = 'This email address is already registered for this forum.';

/**
 * A mail carrying an address's manage link goes to it at most once in this time, however many
 * registrations are submitted for it: the confirmation counts, and so does each re-send.
 */
export const MANAGE_LINK_RESEND_MS = 10 * 60_000;

/**
 * Writes registrations in one transaction (the caller's): each registration, its seats and its
 * confirmation mail, or, for an address already registered, a reminder of its manage link (at most
 * one per MANAGE_LINK_RESEND_MS). Answers in the order given, which is also the order of waitlist
 * places. An address already registered is answered 409 here; the edge (submit-registration.ts)
 * answers it exactly as a new registration, so that nobody learns whether an address is registered.
 *
 * The seat locks are taken once for all of them, after the registrations are inserted, so that
 * the time the locks are held (which bounds how many registrations per second a session takes) is
 * shared: under the locks there are two round trips, the locks with the waitlist tails and the
 * statement writing the seats, the mails and the audit entries, then the commit. Each step is one
 * statement for the whole batch.
 */
export async function recordRegistrations(tx: Db, lock: SeatLock, batch: PreparedRegistration[]): Promise<RegistrationOutcome[]> {
  const inserted = await insertRegistrations(tx, batch);
  const fresh = batch.filter((registration) => inserted.has(registration.id));
  const answers = new Map<string, RegistrationOutcome>();

  if (fresh.length) {
    await insertAnswers(
      tx,
      fresh.flatMap((registration) => (registration.answers ?? []).map((answer) => ({ ...answer, registrationId: registration.id }))),
    );
    const locked = await lock(tx, seatLockRequest(fresh));
    const planned: PlannedRegistration[] = [];
    const mails: NewMail[] = [];
    for (const registration of fresh) {
      const { id, input, event, choices, requestId } = registration;
      const venue = choices.venue;
      const plan = await planSeats(tx, locked, { venueId: venue?.id ?? null, seatBySession: choices.seatBySession });
      const waitlistPosition = plan.venue?.status === 'waitlisted' ? plan.venue.position : null;
      const status = waitlistPosition === null ? ('confirmed' as const) : ('waitlisted' as const);
      const seats = new Map(plan.sessions.map((s) => [s.sessionId, { status: s.status, waitlistPosition: s.position }]));
      planned.push({ registrationId: id, plan });
      mails.push({
        requestId,
        ...registrationMail(
          {
            registration: {
              id,
              name: input.name,
              email: input.email,
              locale: input.locale,
              mode: input.mode,
              status,
              waitlistPosition,
              sequence: inserted.get(id)!.sequence,
              shortCode: inserted.get(id)!.shortCode,
            },
            event,
            venue,
            items: itineraryItems(input, venue, choices.places, choices.relayRooms, seats),
          },
          status,
        ),
        // A delegation member whose mail goes to the head (docs/delegations.md).
        ...(registration.delegation?.mailTo ? { toAddress: registration.delegation.mailTo } : {}),
      });
      answers.set(id, {
        ok: true,
        registration: {
          id,
          email: input.email,
          name: input.name,
          mode: input.mode,
          venue: venue?.slug ?? null,
          status,
          waitlistPosition,
          sessions: plan.sessions,
        },
      });
    }
    // Who registered is in the registration row (and erased with it): the entry holds no name or address.
    const audits = auditInsert(
      fresh.map(({ id, input, event, choices }) => {
        const answer = answers.get(id) as { registration: { status: string } };
        return {
          eventId: event.id,
          actorUserId: null,
          action: 'registration.create' as const,
          entity: 'registration',
          entityId: id,
          details: {
            mode: input.mode,
            venue: choices.venue?.id ?? null,
            status: answer.registration.status,
            sessions: input.sessions.length,
          },
        };
      }),
    );
    await recordSeatsAndMails(tx, planned, outboxInsert(mails).insert, audits);
  }

  const duplicates = batch.filter((registration) => !inserted.has(registration.id));
  if (duplicates.length) {
    // After the seats above, in case the original is in this very batch (its confirmation, just
    // queued, then counts as the mail with the link).
    for (const id of await claimManageLinkResends(tx, duplicates)) await queueRegistrationMail(tx, id, 'manage-link');
    for (const registration of duplicates) answers.set(registration.id, conflict(ALREADY_REGISTERED, { email: registration.input.email }));
  }
  return batch.map((registration) => answers.get(registration.id)!);
}

/**
 * Inserts the registrations as confirmed (their seats may make them waitlisted), in one statement;
 * an address with a registration that is not cancelled, or given twice here, is skipped (the partial
 * unique index registrations_event_email_uq). Returns the inserted ids with
 * their calendar sequence numbers.
 */
async function insertRegistrations(tx: Db, batch: PreparedRegistration[]): Promise<Map<string, { sequence: number; shortCode: string }>> {
  const array = <V>(pick: (registration: PreparedRegistration) => V) => sql.param(batch.map(pick));
  // Raw SQL over arrays: Drizzle's builder costs ~130 µs of CPU per row for this insert, and one
  // statement for the whole batch saves a round trip per registration. WITH ORDINALITY keeps the
  // batch's order, so the first of two rows with the same address is the one inserted. The times go
  // as text: postgres.js has no serializer for timestamptz[], and
  // sends a boolean[] as one boolean.
  const rows = resultRows<{ id: string; sequence: number; short_code: string }>(
    await tx.execute(sql`
      insert into registrations (id, event_id, email, name, organisation, job_title, country, participant_type, mode, venue_id, status, needs, locale, consent_at, manage_token_hash, manage_link_sent_at,
                                 delegation_id, delegation_head, mail_to_head)
      select r.id, r.event_id, r.email, r.name, r.organisation, r.job_title, r.country, r.participant_type::participant_type, r.mode::attendance_mode,
             r.venue_id, 'confirmed', r.needs, r.locale, r.consent_at::timestamptz, r.manage_token_hash, r.consent_at::timestamptz,
             r.delegation_id, r.delegation_head::boolean, r.mail_to_head::boolean
      from unnest(${array((r) => r.id)}::uuid[], ${array((r) => r.event.id)}::uuid[], ${array((r) => r.input.email)}::text[], ${array((r) => r.input.name)}::text[],
                  ${array((r) => r.input.organisation)}::text[], ${array((r) => r.input.jobTitle)}::text[], ${array((r) => r.input.country)}::text[],
                  ${array((r) => r.input.participantType)}::text[], ${array((r) => r.input.mode)}::text[], ${array((r) => r.choices.venue?.id ?? null)}::uuid[],
                  ${array((r) => r.input.needs)}::text[], ${array((r) => r.input.locale)}::text[], ${array((r) => r.now.toISOString())}::text[],
                  ${array((r) => manageTokenHash(manageTokenFor(r.id)))}::text[], ${array((r) => r.delegation?.id ?? null)}::uuid[],
                  ${array((r) => (r.delegation?.head ? 't' : 'f'))}::text[], ${array((r) => (r.delegation?.mailTo ? 't' : 'f'))}::text[])
           with ordinality as r(id, event_id, email, name, organisation, job_title, country, participant_type, mode, venue_id, needs, locale, consent_at, manage_token_hash,
                                delegation_id, delegation_head, mail_to_head, position)
      order by r.position
      on conflict do nothing
      returning id, sequence, short_code`),
  );
  return new Map(rows.map((row) => [row.id, { sequence: row.sequence, shortCode: row.short_code }]));
}

/**
 * The rows to lock for these registrations: their venues and the sessions where they take a seat.
 * Where one was already full when its choices were loaded, its waitlist tail comes with the lock.
 */
function seatLockRequest(batch: PreparedRegistration[]): SeatLockRequest {
  const request: Required<SeatLockRequest> = {
    venueIds: [],
    sessionIds: [],
    sessionsAtVenueIds: [],
    waitlistTails: { venueIds: [], sessionIds: [] },
  };
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

/**
 * The registrations, among those the duplicates' addresses hold, whose manage link may be re-sent
 * now: their last link mail is older than MANAGE_LINK_RESEND_MS. Marks them sent in the same
 * statement, so that concurrent requests, here or in another app instance, re-send once: a second
 * UPDATE waits for the first's row lock and then finds the time already moved on.
 */
export async function claimManageLinkResends(tx: Db, duplicates: PreparedRegistration[]): Promise<string[]> {
  const { event, now } = duplicates[0]!;
  const rows = resultRows<{ id: string }>(
    await tx.execute(sql`
      update registrations r set manage_link_sent_at = ${now.toISOString()}::timestamptz
      where r.event_id = ${event.id}
        and lower(r.email) = any(${sql.param(duplicates.map((d) => d.input.email))}::text[])
        and r.status <> 'cancelled'
        and (r.manage_link_sent_at is null or r.manage_link_sent_at <= ${new Date(now.getTime() - MANAGE_LINK_RESEND_MS).toISOString()}::timestamptz)
      returning r.id`),
  );
  return rows.map((row) => row.id).sort();
}
