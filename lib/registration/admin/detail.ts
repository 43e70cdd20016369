import { and, asc, desc, eq } from 'drizzle-orm';
import { outbox, registrations, registrationSessions, sessions, users, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { inScope, scopedEvent, type AdminEvent, type VenueScope } from '@/lib/admin/event-access';
import { READERS } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { eventQuestions } from '../questions/load';
import { answersOf } from '../questions/read-answers';

export type RegistrationDetail = NonNullable<Awaited<ReturnType<typeof loadDetail>>>;

/** Everything about one registration of an event, for its organisers; null when it is not theirs. */
export async function registrationDetail(db: Db, actor: Actor | null, slug: string, registrationId: string) {
  const { event, scope } = await scopedEvent(db, actor, slug, READERS);
  return loadDetail(db, event, registrationId, scope);
}

async function loadDetail(db: Db, event: AdminEvent, registrationId: string, scope: VenueScope) {
  const [row] = await db
    .select({ registration: registrations, venue: venues, checkedInByEmail: users.email })
    .from(registrations)
    .leftJoin(venues, eq(registrations.venueId, venues.id))
    .leftJoin(users, eq(registrations.checkedInBy, users.id))
    .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id)));
  // Another venue's registrant is, to a venue manager, one that does not exist.
  if (!row || !inScope(scope, row.registration.venueId)) return null;
  const { manageTokenHash: _secret, ...registration } = row.registration;
  const seats = await db
    .select({
      sessionId: sessions.id,
      title: sessions.title,
      startsAt: sessions.startsAt,
      endsAt: sessions.endsAt,
      sessionStatus: sessions.status,
      capacity: sessions.capacity,
      confirmedCount: sessions.confirmedCount,
      venueName: venues.name,
      venueCity: venues.city,
      venueZone: venues.timeZone,
      venueId: venues.id,
      status: registrationSessions.status,
      waitlistPosition: registrationSessions.waitlistPosition,
    })
    .from(registrationSessions)
    .innerJoin(sessions, eq(registrationSessions.sessionId, sessions.id))
    .innerJoin(venues, eq(sessions.venueId, venues.id))
    .where(eq(registrationSessions.registrationId, registrationId))
    .orderBy(asc(sessions.startsAt));
  const mails = await db
    .select({
      id: outbox.id,
      kind: outbox.kind,
      subject: outbox.subject,
      toAddress: outbox.toAddress,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      smtpResponse: outbox.smtpResponse,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(eq(outbox.registrationId, registrationId))
    .orderBy(desc(outbox.createdAt));
  const [questions, answers] = await Promise.all([eventQuestions(db, event.id, { withRetired: true }), answersOf(db, [registrationId])]);
  const given = answers.get(registrationId);
  return {
    event,
    /** Every question it answered, retired ones too, with the stored answer. */
    answers: questions.filter((q) => given?.has(q.id)).map((question) => ({ question, answer: given!.get(question.id)! })),
    registration,
    venue: row.venue,
    checkedInByEmail: row.checkedInByEmail,
    seats: seats.map((s) => ({
      ...s,
      /** Whether this takes a seat in the session (in person at the venue holding it), rather than a relay or stream. */
      takesSeat: registration.mode === 'in_person' && registration.venueId === s.venueId,
    })),
    mails,
  };
}
