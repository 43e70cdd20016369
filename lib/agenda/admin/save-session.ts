import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { vmsg } from '@/lib/validation/message';
import {
  events,
  registrationSessions,
  registrations,
  rooms,
  sessionRelays,
  sessions,
  sessionSpeakers,
  speakers,
  venues,
} from '@/db/schema';
import type { Db } from '@/db/types';
import { organiserEvent } from '@/lib/admin/event-access';
import { violatedConstraint } from '@/lib/agenda/venues-admin/db-errors';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Actor } from '@/lib/auth/sessions';
import { queueRegistrationMail } from '@/lib/registration/registration-mail';
import { fieldErrors } from '@/lib/validation/field-errors';
import { lockSeats, promoteFirstInSession } from '@/lib/registration/seats';
import { zonedToUtc } from '@/lib/time/zones';
import { findConflicts, type Conflict, type SessionDraft } from './conflicts';
import { sessionInputSchema, type SessionInput } from './session-input';

export type SaveSessionResult =
  | { ok: true; id: string; promoted: number }
  | { ok: false; status: 404 }
  | { ok: false; status: 422; fields: Record<string, string> }
  | { ok: false; status: 409; conflicts: Conflict[] };

/** What the session editor's server actions answer: the saved id, or field errors / conflict lines written for people. */
export type SessionActionResult = { ok: true; id: string } | { ok: false; fields?: Record<string, string>; conflicts?: string[] };

type Resolved = {
  input: SessionInput;
  draft: SessionDraft;
  event: { id: string; slug: string; startsAt: Date; endsAt: Date; timeZone: string };
};

/** Checks the input against the event: the venue, room, relays and speakers must all be its own. */
async function resolve(
  db: Db,
  actor: Actor | null,
  slug: string,
  sessionId: string | null,
  raw: unknown,
): Promise<Resolved | { fields: Record<string, string> }> {
  const event = await organiserEvent(db, actor, slug);
  const parsed = sessionInputSchema.safeParse(raw);
  if (!parsed.success) return { fields: fieldErrors(parsed.error) };
  const input = parsed.data;
  const eventVenues = await db.select().from(venues).where(eq(venues.eventId, event.id));
  const venue = eventVenues.find((v) => v.id === input.venueId);
  if (!venue) return { fields: { venueId: vmsg('venueNotInEvent') } };
  if (input.roomId) {
    const [room] = await db
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.id, input.roomId), eq(rooms.venueId, venue.id)));
    if (!room) return { fields: { roomId: vmsg('roomNotInVenue') } };
  }
  if (input.relayVenueIds.some((id) => !eventVenues.some((v) => v.id === id)))
    return { fields: { relayVenueIds: vmsg('relayOtherEvent') } };
  if (input.speakers.length) {
    const found = await db
      .select({ id: speakers.id })
      .from(speakers)
      .where(
        and(
          eq(speakers.eventId, event.id),
          inArray(
            speakers.id,
            input.speakers.map((s) => s.speakerId),
          ),
        ),
      );
    if (found.length !== input.speakers.length) return { fields: { speakers: vmsg('speakerOtherEvent') } };
  }
  const draft: SessionDraft = {
    id: sessionId,
    startsAt: zonedToUtc(input.date, input.start, venue.timeZone),
    endsAt: zonedToUtc(input.date, input.end, venue.timeZone),
    venueId: venue.id,
    roomId: input.roomId,
    capacity: input.capacity,
    relayVenueIds: input.relayVenueIds,
    speakers: input.speakers,
  };
  return { input, draft, event };
}

/** The warnings an organiser sees while editing, before anything is saved. */
export async function previewSessionConflicts(
  db: Db,
  actor: Actor | null,
  slug: string,
  sessionId: string | null,
  raw: unknown,
): Promise<{ fields: Record<string, string> } | { conflicts: Conflict[] }> {
  const resolved = await resolve(db, actor, slug, sessionId, raw);
  if ('fields' in resolved) return resolved;
  return { conflicts: await findConflicts(db, resolved.event, resolved.draft) };
}

/**
 * Creates (sessionId null) or updates a session in the working agenda. Conflicts stop the save until
 * the organiser acknowledges them. Raising capacity promotes the first in line in the same
 * transaction; the public sees the change only when the agenda is published.
 */
export async function saveSession(
  db: Db,
  actor: Actor | null,
  slug: string,
  sessionId: string | null,
  raw: unknown,
): Promise<SaveSessionResult> {
  const resolved = await resolve(db, actor, slug, sessionId, raw);
  if ('fields' in resolved) return { ok: false, status: 422, fields: resolved.fields };
  const { input, draft, event } = resolved;
  const conflicts = await findConflicts(db, event, draft);
  if (conflicts.length && !input.acknowledgeConflicts) return { ok: false, status: 409, conflicts };

  try {
    return await db.transaction(async (tx) => {
      let existing: typeof sessions.$inferSelect | undefined;
      if (sessionId) {
        [existing] = await tx
          .select()
          .from(sessions)
          .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, event.id)))
          .for('update');
        if (!existing) return { ok: false as const, status: 404 as const };
        if (existing.venueId !== draft.venueId) {
          const [held] = await tx.select({ n: count() }).from(registrationSessions).where(eq(registrationSessions.sessionId, existing.id));
          if (held!.n > 0)
            return {
              ok: false as const,
              status: 422 as const,
              fields: { venueId: vmsg('venueLocked') },
            };
        }
      }
      const moved =
        existing &&
        (existing.startsAt.getTime() !== draft.startsAt.getTime() ||
          existing.endsAt.getTime() !== draft.endsAt.getTime() ||
          existing.roomId !== draft.roomId);
      const values = {
        slug: input.slug,
        title: { en: input.titleEn, ...(input.titleZh ? { zh: input.titleZh } : {}) },
        description: { en: input.descriptionEn, ...(input.descriptionZh ? { zh: input.descriptionZh } : {}) },
        kind: input.kind,
        segment: input.segment,
        startsAt: draft.startsAt,
        endsAt: draft.endsAt,
        venueId: draft.venueId,
        roomId: draft.roomId,
        capacity: draft.capacity,
        streamed: input.streamed,
        livestreamUrl: input.livestreamUrl,
        recordingUrl: input.recordingUrl,
        languages: input.languages,
        status: input.cancelled
          ? ('cancelled' as const)
          : moved || existing?.status === 'changed'
            ? ('changed' as const)
            : ('scheduled' as const),
        updatedAt: new Date(),
      };
      let id: string;
      if (existing) {
        id = existing.id;
        await tx
          .update(sessions)
          .set({ ...values, revision: sql`${sessions.revision} + 1` })
          .where(eq(sessions.id, id));
      } else {
        const [created] = await tx
          .insert(sessions)
          .values({ ...values, eventId: event.id })
          .returning({ id: sessions.id });
        id = created!.id;
      }
      await tx.delete(sessionRelays).where(eq(sessionRelays.sessionId, id));
      if (input.relayVenueIds.length)
        await tx.insert(sessionRelays).values(input.relayVenueIds.map((venueId) => ({ sessionId: id, venueId })));
      await tx.delete(sessionSpeakers).where(eq(sessionSpeakers.sessionId, id));
      if (input.speakers.length)
        await tx
          .insert(sessionSpeakers)
          .values(
            input.speakers.map((s, position) => ({ sessionId: id, speakerId: s.speakerId, role: s.role, presence: s.presence, position })),
          );

      // More seats than before: the waitlist moves up now, not at the next cancellation.
      const promoted: string[] = [];
      if (existing && !input.cancelled) {
        const locked = (await lockSeats(tx, { venueIds: [], sessionIds: [id] })).sessions.get(id)!;
        for (let next = await promoteFirstInSession(tx, locked); next; next = await promoteFirstInSession(tx, locked)) promoted.push(next);
        if (promoted.length) {
          await tx
            .update(registrations)
            .set({ sequence: sql`${registrations.sequence} + 1`, updatedAt: new Date() })
            .where(inArray(registrations.id, promoted));
          for (const registrationId of promoted.sort()) await queueRegistrationMail(tx, registrationId, 'promoted');
        }
      }
      await recordAudit(tx, {
        eventId: event.id,
        actorUserId: actor!.userId,
        action: existing ? 'session.update' : 'session.create',
        entity: 'session',
        entityId: id,
        details: {
          slug: input.slug,
          title: input.titleEn,
          startsAt: draft.startsAt.toISOString(),
          endsAt: draft.endsAt.toISOString(),
          cancelled: input.cancelled,
          conflictsAcknowledged: conflicts.map((c) => c.kind),
          promoted: promoted.length,
        },
      });
      return { ok: true as const, id, promoted: promoted.length };
    });
  } catch (error) {
    const constraint = violatedConstraint(error);
    if (constraint === 'sessions_event_slug_uq') return { ok: false, status: 422, fields: { slug: vmsg('slugTaken') } };
    if (constraint === 'sessions_confirmed_ck') return { ok: false, status: 422, fields: { capacity: vmsg('capacityBelowSeats') } };
    throw error;
  }
}

/** The event row itself, for pages that need its publishing state. */
export async function eventRowForOrganiser(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  return row!;
}
