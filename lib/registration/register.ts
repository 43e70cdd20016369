import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { events, registrations } from '@/db/schema';
import type { Db } from '@/db/types';
import { queueRegistrationMail } from '@/lib/mail/registration-mail';
import { resolveChoices } from './choices';
import { manageTokenFor, manageTokenHash, manageUrl } from './manage-token';
import { invalid, type RegistrationResult, type SessionSeat } from './result';
import { fieldErrors, registrationInputSchema } from './schema';
import { claimSessionSeat, claimVenueSeat, lockSeats, recordSessionChoice, type SeatLock } from './seats';

export type RegisterOptions = { lock?: SeatLock; now?: Date };

/**
 * Registers one person for a published event: the API and the form both call this. Everything it
 * writes (the registration, its seats, its confirmation mail) commits together or not at all.
 */
export async function registerAttendee(db: Db, eventSlug: string, rawInput: unknown, options: RegisterOptions = {}): Promise<RegistrationResult> {
  const parsed = registrationInputSchema.safeParse(rawInput);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;

  const [event] = await db
    .select({ id: events.id, status: events.status, opensAt: events.registrationOpensAt, closesAt: events.registrationClosesAt })
    .from(events)
    .where(eq(events.slug, eventSlug));
  if (!event || event.status !== 'published') return { ok: false, status: 404, error: 'No such forum' };
  const now = options.now ?? new Date();
  if ((event.opensAt && now < event.opensAt) || (event.closesAt && now > event.closesAt)) {
    return invalid({ event: 'is not open for registration at the moment' });
  }

  const choices = await resolveChoices(db, event.id, input);
  if ('field' in choices) return invalid({ [choices.field]: choices.message });

  const id = randomUUID();
  const lock = options.lock ?? lockSeats;
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(registrations)
      .values({
        id,
        eventId: event.id,
        email: input.email,
        name: input.name,
        organisation: input.organisation,
        jobTitle: input.jobTitle,
        country: input.country,
        participantType: input.participantType,
        mode: input.mode,
        venueId: choices.venue?.id ?? null,
        status: 'confirmed',
        needs: input.needs,
        locale: input.locale,
        consentAt: now,
        manageTokenHash: manageTokenHash(manageTokenFor(id)),
      })
      .onConflictDoNothing()
      .returning({ id: registrations.id });

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

    const seatSessionIds = [...choices.seatBySession].filter(([, seat]) => seat).map(([sessionId]) => sessionId);
    const locked = await lock(tx, { venueIds: choices.venue ? [choices.venue.id] : [], sessionIds: seatSessionIds });

    let status: 'confirmed' | 'waitlisted' = 'confirmed';
    let waitlistPosition: number | null = null;
    if (choices.venue) {
      const outcome = await claimVenueSeat(tx, id, locked.venues.get(choices.venue.id)!);
      if (outcome.status === 'waitlisted') [status, waitlistPosition] = ['waitlisted', outcome.position];
    }

    const seats: SessionSeat[] = [];
    for (const sessionId of [...choices.seatBySession.keys()].sort()) {
      const session = locked.sessions.get(sessionId);
      const outcome = session ? await claimSessionSeat(tx, id, session) : await recordSessionChoice(tx, id, sessionId);
      seats.push({ sessionId, status: outcome.status, position: outcome.status === 'waitlisted' ? outcome.position : null });
    }

    await queueRegistrationMail(tx, id, status === 'waitlisted' ? 'waitlisted' : 'confirmed');
    return {
      ok: true as const,
      status: 201 as const,
      manageUrl: manageUrl(id),
      registration: {
        id,
        email: input.email,
        name: input.name,
        mode: input.mode,
        venue: choices.venue?.slug ?? null,
        status,
        waitlistPosition,
        sessions: seats,
      },
    };
  });
}

