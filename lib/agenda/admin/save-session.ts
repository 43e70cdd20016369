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
import { inScope, organiserEvent, requireInScope, scopedEvent } from '@/lib/admin/event-access';
import { VENUE_EDITORS } from '@/lib/auth/authorize';
import { saveAudited } from '@/lib/audit/save-audited';
import type { Actor } from '@/lib/auth/sessions';
import { queueRegistrationMail } from '@/lib/registration/registration-mail';
import { fieldErrors } from '@/lib/validation/field-errors';
import { lockSeats, promoteFirstInSession } from '@/lib/registration/seats';
import { zonedToUtc } from '@/lib/time/zones';
import { conflict, invalid, notFound, ok, type Invalid, type Result } from '@/lib/errors/result';
import { findConflicts, type Conflict, type SessionDraft } from './conflicts';
import { sessionInputSchema, type SessionInput } from './session-input';

/** Saving a session: its id and how many moved up from the waitlist, or a refusal; a conflict lists the clashes. */
export type SessionSave = Result<{ id: string; promoted: number }, { conflicts: Conflict[] }>;

/** What the session editor's server actions answer: the conflicts a check finds, or the id saved, with conflicts as lines written for people. */
export type SessionCheck = Result<{ conflicts: string[] }>;
export type SessionEdit = Result<{ id: string }, { conflicts: string[] }>;

const SESSION_GONE = 'This session no longer exists';

/** The database's last word on a unique slug and on seats, as the form's own field errors. */
const REFUSED_BY_DATABASE = {
  sessions_event_slug_uq: { slug: vmsg('slugTaken') },
  sessions_confirmed_ck: { capacity: vmsg('capacityBelowSeats') },
};

type Resolved = {
  input: SessionInput;
  draft: SessionDraft;
  event: { id: string; slug: string; startsAt: Date; endsAt: Date; timeZone: string };
};

/** Checks the input against the event: the venue, room, relays and speakers must all be its own. */
async function resolve(db: Db, actor: Actor | null, slug: string, sessionId: string | null, raw: unknown): Promise<Resolved | Invalid> {
  // A venue manager edits their venue's sessions only: the one stored and the one asked for.
  const { event, scope } = await scopedEvent(db, actor, slug, VENUE_EDITORS);
  if (sessionId && scope) {
    const [stored] = await db
      .select({ venueId: sessions.venueId })
      .from(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, event.id)));
    requireInScope(scope, stored?.venueId ?? null);
  }
  const parsed = sessionInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrors(parsed.error));
  const input = parsed.data;
  const eventVenues = await db.select().from(venues).where(eq(venues.eventId, event.id));
  const venue = eventVenues.find((v) => v.id === input.venueId);
  if (!venue) return invalid({ venueId: vmsg('venueNotInEvent') });
  requireInScope(scope, venue.id);
  if (input.roomId) {
    const [room] = await db
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.id, input.roomId), eq(rooms.venueId, venue.id)));
    if (!room) return invalid({ roomId: vmsg('roomNotInVenue') });
  }
  if (input.relayVenueIds.some((id) => !eventVenues.some((v) => v.id === id))) return invalid({ relayVenueIds: vmsg('relayOtherEvent') });
  if (scope) {
    // A venue manager's session may keep the relays an organiser set up, but what other venues show
    // is not theirs to change: no relay to another venue is added or taken away.
    const stored = sessionId
      ? (await db.select({ venueId: sessionRelays.venueId }).from(sessionRelays).where(eq(sessionRelays.sessionId, sessionId))).map(
          (r) => r.venueId,
        )
      : [];
    const elsewhere = (ids: string[]) => new Set(ids.filter((id) => !inScope(scope, id)));
    const before = elsewhere(stored);
    const after = elsewhere(input.relayVenueIds);
    if (before.size !== after.size || [...after].some((id) => !before.has(id)))
      return invalid({ relayVenueIds: vmsg('relayOutsideScope') });
  }
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
    if (found.length !== input.speakers.length) return invalid({ speakers: vmsg('speakerOtherEvent') });
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
): Promise<Result<{ conflicts: Conflict[] }>> {
  const resolved = await resolve(db, actor, slug, sessionId, raw);
  if ('ok' in resolved) return resolved;
  return ok({ conflicts: await findConflicts(db, resolved.event, resolved.draft) });
}

/**
 * Creates (sessionId null) or updates a session in the working agenda. Conflicts stop the save until
 * the organiser acknowledges them. Raising capacity promotes the first in line in the same
 * transaction; the public sees the change only when the agenda is published.
 */
export async function saveSession(db: Db, actor: Actor | null, slug: string, sessionId: string | null, raw: unknown): Promise<SessionSave> {
  const resolved = await resolve(db, actor, slug, sessionId, raw);
  if ('ok' in resolved) return resolved;
  const { input, draft, event } = resolved;
  const conflicts = await findConflicts(db, event, draft);
  if (conflicts.length && !input.acknowledgeConflicts) return conflict('The session clashes with others', { conflicts });

  return saveAudited(db, { eventId: event.id, actor }, REFUSED_BY_DATABASE, async (tx, audit): Promise<SessionSave> => {
    let existing: typeof sessions.$inferSelect | undefined;
    if (sessionId) {
      [existing] = await tx
        .select()
        .from(sessions)
        .where(and(eq(sessions.id, sessionId), eq(sessions.eventId, event.id)))
        .for('update');
      if (!existing) return notFound(SESSION_GONE);
      if (existing.venueId !== draft.venueId) {
        const [held] = await tx.select({ n: count() }).from(registrationSessions).where(eq(registrationSessions.sessionId, existing.id));
        if (held!.n > 0) return invalid({ venueId: vmsg('venueLocked') });
      }
    }
    const moved =
      existing &&
      (existing.startsAt.getTime() !== draft.startsAt.getTime() ||
        existing.endsAt.getTime() !== draft.endsAt.getTime() ||
        existing.roomId !== draft.roomId);
    const values = {
      slug: input.slug,
      title: input.title,
      description: input.description,
      kind: input.kind,
      segment: input.segment,
      startsAt: draft.startsAt,
      endsAt: draft.endsAt,
      venueId: draft.venueId,
      roomId: draft.roomId,
      capacity: draft.capacity,
      streamed: input.streamed,
      livestreamUrl: input.livestreamUrl,
      interpretationUrls: input.interpretationUrls,
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
    await audit({
      action: existing ? 'session.update' : 'session.create',
      entity: 'session',
      entityId: id,
      details: {
        slug: input.slug,
        title: input.title.en,
        startsAt: draft.startsAt.toISOString(),
        endsAt: draft.endsAt.toISOString(),
        venueId: draft.venueId,
        // The times before, so the audit page can say "moved from 09:00 to 10:00".
        ...(existing ? { was: { startsAt: existing.startsAt.toISOString(), endsAt: existing.endsAt.toISOString() } } : {}),
        cancelled: input.cancelled,
        conflictsAcknowledged: conflicts.map((c) => c.kind),
        promoted: promoted.length,
      },
    });
    return ok({ id, promoted: promoted.length });
  });
}

/** The event row itself, for pages that need its publishing state. */
export async function eventRowForOrganiser(db: Db, actor: Actor | null, slug: string) {
  const event = await organiserEvent(db, actor, slug);
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  return row!;
}
