import { vmsg } from '@/lib/validation/message';
import { randomBytes } from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { eventMembers, events, rooms, sessionRelays, sessionSpeakers, sessions, speakers, venues } from '@/db/schema';
import type { Db } from '@/db/types';
import { recordAudit } from '@/lib/audit/record-audit';
import { AuthorizationError, requireEventRole } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { daysBetween, shiftWallClock } from '@/lib/time/shift-wall-clock';
import { localDate } from '@/lib/time/zones';
import { invalid, ok, type Result } from '@/lib/errors/result';
import { parseInput } from '@/lib/validation/field-errors';
import { cloneEventSchema } from './clone-event-input';

export type ClonedCounts = { venues: number; rooms: number; speakers: number; sessions: number; relays: number; members: number };
/** The new edition with what was copied, or field errors keyed by the form's fields. */
export type CloneEventResult = Result<{ slug: string; eventId: string; copied: ClonedCounts; shiftedDays: number }>;

/**
 * A new edition from an earlier one: the programme's frame (venues, rooms, speakers, sessions,
 * relays, stream links, team) moves to the new dates, each session at the same wall-clock time in
 * its own venue's zone. People's data (registrations, mail, audit, published versions, recordings)
 * stays with the edition it belongs to. The clone is a draft, in one transaction: all or nothing.
 */
export async function cloneEvent(db: Db, actor: Actor | null, sourceSlug: string, rawInput: unknown): Promise<CloneEventResult> {
  if (!actor) throw new AuthorizationError('signed-out');
  const [source] = await db.select().from(events).where(eq(events.slug, sourceSlug));
  if (!source) throw new AuthorizationError('forbidden');
  await requireEventRole(db, actor, source.id, ['organiser']);
  // Creating an event is a platform decision, not an event one (issue 16: a platform role).
  if (!actor.canCreateEvents) throw new AuthorizationError('forbidden');

  const parsed = parseInput(cloneEventSchema, rawInput);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const days = daysBetween(localDate(source.startsAt, source.timeZone), input.firstDay);
  const eventShift = (instant: Date) => shiftWallClock(instant, source.timeZone, days);

  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, input.slug));
    if (taken) return invalid({ slug: vmsg('eventSlugTaken') });

    const [created] = await tx
      .insert(events)
      .values({
        slug: input.slug,
        name: input.name,
        theme: source.theme,
        description: source.description,
        organiser: source.organiser,
        timeZone: source.timeZone,
        startsAt: eventShift(source.startsAt),
        endsAt: eventShift(source.endsAt),
        status: 'draft',
        publishedVersion: 0,
        registrationOpensAt: source.registrationOpensAt && eventShift(source.registrationOpensAt),
        registrationClosesAt: source.registrationClosesAt && eventShift(source.registrationClosesAt),
        languages: source.languages,
      })
      .returning({ id: events.id });
    const eventId = created!.id;
    const copied: ClonedCounts = { venues: 0, rooms: 0, speakers: 0, sessions: 0, relays: 0, members: 0 };

    const venueIds = new Map<string, string>();
    const venueZones = new Map<string, string>();
    const sourceVenues = await tx.select().from(venues).where(eq(venues.eventId, source.id));
    for (const venue of sourceVenues) {
      const { id, eventId: _e, confirmedCount: _c, ...rest } = venue;
      const [row] = await tx
        .insert(venues)
        .values({ ...rest, eventId })
        .returning({ id: venues.id });
      venueIds.set(id, row!.id);
      venueZones.set(id, venue.timeZone);
      copied.venues++;
    }

    const roomIds = new Map<string, string>();
    const sourceRooms = venueIds.size
      ? await tx
          .select()
          .from(rooms)
          .where(inArray(rooms.venueId, [...venueIds.keys()]))
      : [];
    for (const room of sourceRooms) {
      const [row] = await tx
        .insert(rooms)
        .values({ venueId: venueIds.get(room.venueId)!, name: room.name, capacity: room.capacity })
        .returning({ id: rooms.id });
      roomIds.set(room.id, row!.id);
      copied.rooms++;
    }
    const mapRoom = (roomId: string | null) => (roomId ? (roomIds.get(roomId) ?? null) : null);

    const speakerIds = new Map<string, string>();
    for (const speaker of await tx.select().from(speakers).where(eq(speakers.eventId, source.id))) {
      const { id, eventId: _e, calendarToken: _t, ...rest } = speaker;
      // A calendar link is a secret of one edition: the new one gets its own.
      const [row] = await tx
        .insert(speakers)
        .values({ ...rest, eventId, calendarToken: randomBytes(24).toString('base64url') })
        .returning({ id: speakers.id });
      speakerIds.set(id, row!.id);
      copied.speakers++;
    }

    const sessionIds = new Map<string, string>();
    const sourceSessions = await tx
      .select()
      .from(sessions)
      .where(and(eq(sessions.eventId, source.id), ne(sessions.status, 'cancelled')));
    for (const session of sourceSessions) {
      const zone = venueZones.get(session.venueId)!;
      const [row] = await tx
        .insert(sessions)
        .values({
          eventId,
          slug: session.slug,
          title: session.title,
          description: session.description,
          kind: session.kind,
          segment: session.segment,
          startsAt: shiftWallClock(session.startsAt, zone, days),
          endsAt: shiftWallClock(session.endsAt, zone, days),
          venueId: venueIds.get(session.venueId)!,
          roomId: mapRoom(session.roomId),
          capacity: session.capacity,
          streamed: session.streamed,
          livestreamUrl: session.livestreamUrl,
          interpretationUrls: session.interpretationUrls,
          languages: session.languages,
        })
        .returning({ id: sessions.id });
      sessionIds.set(session.id, row!.id);
      copied.sessions++;
    }

    const sourceSessionIds = [...sessionIds.keys()];
    if (sourceSessionIds.length) {
      for (const relay of await tx.select().from(sessionRelays).where(inArray(sessionRelays.sessionId, sourceSessionIds))) {
        await tx
          .insert(sessionRelays)
          .values({ sessionId: sessionIds.get(relay.sessionId)!, venueId: venueIds.get(relay.venueId)!, roomId: mapRoom(relay.roomId) });
        copied.relays++;
      }
      for (const link of await tx.select().from(sessionSpeakers).where(inArray(sessionSpeakers.sessionId, sourceSessionIds))) {
        await tx
          .insert(sessionSpeakers)
          .values({ ...link, sessionId: sessionIds.get(link.sessionId)!, speakerId: speakerIds.get(link.speakerId)! });
      }
    }

    for (const member of await tx.select().from(eventMembers).where(eq(eventMembers.eventId, source.id))) {
      await tx.insert(eventMembers).values({ ...member, eventId, venueId: member.venueId ? (venueIds.get(member.venueId) ?? null) : null });
      copied.members++;
    }

    await recordAudit(tx, {
      eventId,
      actorUserId: actor.userId,
      action: 'event.clone',
      entity: 'event',
      entityId: eventId,
      details: { from: source.slug, shiftedDays: days, copied },
    });
    return ok({ slug: input.slug, eventId, copied, shiftedDays: days });
  });
}
