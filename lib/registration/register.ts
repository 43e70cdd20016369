import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { preparedPerDb } from '@/db/prepared';
import { resultRows } from '@/db/rows';
import { events, registrations, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { outboxInsert } from '@/lib/mail/outbox';
import { queueRegistrationMail, registrationMail } from '@/lib/mail/registration-mail';
import { checkChoices, loadSessionCandidates } from './choices';
import { itineraryItems } from './itinerary';
import { manageTokenFor, manageTokenHash, manageUrl } from './manage-token';
import { planSeats, recordSeatsAndMail } from './new-registration-seats';
import { invalid, type RegistrationResult } from './result';
import { fieldErrors, registrationInputSchema } from './schema';
import { hasFreeSeat, lockSeats, type SeatLock } from './seats';

export type RegisterOptions = { lock?: SeatLock; now?: Date };

/** The event by slug with the venue chosen (null when none matches), in one statement built once. */
const eventWithVenue = preparedPerDb((db) =>
  db
    .select({ event: events, venue: venues })
    .from(events)
    .leftJoin(venues, and(eq(venues.eventId, events.id), eq(venues.slug, sql.placeholder('venueSlug'))))
    .where(eq(events.slug, sql.placeholder('slug')))
    .prepare('event_with_venue'),
);

/**
 * Registers one person for a published event: the API and the form both call this. Everything it
 * writes (the registration, its seats, its confirmation mail) commits together or not at all.
 *
 * Every registration for a popular session queues on that session's row lock, so the work done while
 * holding it bounds how many registrations per second the session takes. Everything that does not
 * depend on the seat outcome (the event, the choices, what the mail lists) is read before the
 * transaction; under the lock there are three round trips: the locks (with the waitlist tails),
 * one statement writing the seats and the mail, and the commit.
 */
export async function registerAttendee(db: Db, eventSlug: string, rawInput: unknown, options: RegisterOptions = {}): Promise<RegistrationResult> {
  const parsed = registrationInputSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;

  const [row] = await eventWithVenue(db).execute({ slug: eventSlug, venueSlug: input.mode === 'in_person' ? (input.venue ?? '') : '' });
  const event = row?.event;
  if (!event || event.status !== 'published') return { ok: false, status: 404, error: 'No such forum' };
  const now = options.now ?? new Date();
  if ((event.registrationOpensAt && now < event.registrationOpensAt) || (event.registrationClosesAt && now > event.registrationClosesAt)) {
    return invalid({ event: 'is not open for registration at the moment' });
  }
  const choiceVenue = row.venue;
  const choices = checkChoices(event.id, input, { venue: choiceVenue, places: await loadSessionCandidates(db, input.sessions, choiceVenue?.id ?? null) });
  if ('field' in choices) return invalid({ [choices.field]: choices.message });
  const venue = choices.venue;
  const seatSessions = choices.places.map((p) => p.session).filter((s) => choices.seatBySession.get(s.id));

  const id = randomUUID();
  const lock = options.lock ?? lockSeats;
  return db.transaction(async (tx) => {
    // Raw SQL: Drizzle's builder costs ~130 µs of CPU for this insert, on every registration.
    const [inserted] = resultRows<{ id: string; sequence: number }>(
      await tx.execute(sql`
        insert into registrations (id, event_id, email, name, organisation, job_title, country, participant_type, mode, venue_id, status, needs, locale, consent_at, manage_token_hash)
        values (${id}, ${event.id}, ${input.email}, ${input.name}, ${input.organisation}, ${input.jobTitle}, ${input.country}, ${input.participantType},
                ${input.mode}, ${venue?.id ?? null}, 'confirmed', ${input.needs}, ${input.locale}, ${now.toISOString()}, ${manageTokenHash(manageTokenFor(id))})
        on conflict do nothing
        returning id, sequence`),
    );

    if (!inserted) {
      // Already registered: remind the original address of its manage link, and tell the
      // requester nothing more than that.
      const [existing] = await tx
        .select({ id: registrations.id })
        .from(registrations)
        .where(and(eq(registrations.eventId, event.id), eq(sql`lower(${registrations.email})`, input.email)));
      if (existing) await queueRegistrationMail(tx, existing.id, 'manage-link');
      return { ok: false as const, status: 409 as const, error: 'This email address is already registered for this forum. We have sent its manage link to it again.' };
    }

    // Where the venue or a session was already full when loaded, its waitlist tail comes with the lock.
    const locked = await lock(tx, {
      venueIds: venue ? [venue.id] : [],
      sessionIds: seatSessions.map((s) => s.id),
      waitlistTails: { venueIds: venue && !hasFreeSeat(venue) ? [venue.id] : [], sessionIds: seatSessions.filter((s) => !hasFreeSeat(s)).map((s) => s.id) },
    });
    const plan = await planSeats(tx, locked, { venueId: venue?.id ?? null, seatBySession: choices.seatBySession });
    const waitlistPosition = plan.venue?.status === 'waitlisted' ? plan.venue.position : null;
    const status = waitlistPosition === null ? ('confirmed' as const) : ('waitlisted' as const);
    const seats = new Map(plan.sessions.map((s) => [s.sessionId, { status: s.status, waitlistPosition: s.position }]));
    const mail = registrationMail(
      {
        registration: { id, name: input.name, email: input.email, locale: input.locale, mode: input.mode, status, waitlistPosition, sequence: inserted.sequence },
        event,
        venue,
        items: itineraryItems(input, venue, choices.places, choices.relayRooms, seats),
      },
      status,
    );
    await recordSeatsAndMail(tx, id, plan, outboxInsert(mail).insert);
    return {
      ok: true as const,
      status: 201 as const,
      manageUrl: manageUrl(id),
      registration: { id, email: input.email, name: input.name, mode: input.mode, venue: venue?.slug ?? null, status, waitlistPosition, sessions: plan.sessions },
    };
  });
}
