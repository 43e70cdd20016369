import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { workingAgenda } from '../agenda/public-agenda';
import { toSnapshot } from '../agenda/published-sessions';
import { addDays, localDate, zonedToUtc } from '../time/zones';
import {
  agendaVersions,
  attendeeCategories,
  categoryInvitationCodes,
  events,
  rooms,
  sessionRelays,
  sessionSpeakers,
  sessions,
  speakers,
  venues,
} from '../../db/schema';
import type { Db } from '../../db/types';
import { demoEvent, demoSessions, demoSpeakers, demoVenues } from './demo-data';
import { DEMO_GOVERNMENT_CODE, demoCategories } from './demo-categories';
import { seedDemoExhibitors } from './demo-exhibitors';
import { seedDemoMeetingSlots } from './demo-meetings';
import { seedDemoOutcomes } from './demo-outcomes';

export type SeedOptions = {
  /** First day of the forum (YYYY-MM-DD in the main venue's zone); defaults to 30 days from `now`. */
  firstDay?: string;
  now?: Date;
  slug?: string;
};

const LIVESTREAM_BASE = 'https://live.hybrid-forum.example/stream';

/** Inserts the demo forum. Returns its event id. */
export async function seedDemoForum(db: Db, options: SeedOptions = {}): Promise<string> {
  const now = options.now ?? new Date();
  const firstDay = options.firstDay ?? addDays(localDate(now, demoEvent.timeZone), 30);
  const lastDay = addDays(firstDay, demoEvent.days - 1);
  const slug = options.slug ?? demoEvent.slug;

  return db.transaction(async (tx) => {
    const [event] = await tx
      .insert(events)
      .values({
        slug,
        name: demoEvent.name,
        theme: demoEvent.theme,
        description: demoEvent.description,
        organiser: demoEvent.organiser,
        timeZone: demoEvent.timeZone,
        startsAt: zonedToUtc(firstDay, '00:00', demoEvent.timeZone),
        endsAt: zonedToUtc(addDays(lastDay, 1), '00:00', demoEvent.timeZone),
        status: 'published',
        publishedVersion: 1,
        registrationOpensAt: now,
        registrationClosesAt: zonedToUtc(lastDay, '12:00', demoEvent.timeZone),
        languages: ['en', 'zh'],
      })
      .returning({ id: events.id });
    const eventId = event!.id;

    const venueIds = new Map<string, string>();
    const venueZones = new Map<string, string>();
    const roomIds = new Map<string, string>();
    for (const [position, venue] of demoVenues.entries()) {
      const [row] = await tx
        .insert(venues)
        .values({ ...venue, eventId, position, rooms: undefined } as typeof venues.$inferInsert)
        .returning({ id: venues.id });
      venueIds.set(venue.slug, row!.id);
      venueZones.set(venue.slug, venue.timeZone);
      for (const room of venue.rooms) {
        const [r] = await tx
          .insert(rooms)
          .values({ venueId: row!.id, name: room.name, capacity: room.capacity })
          .returning({ id: rooms.id });
        roomIds.set(room.key, r!.id);
      }
    }

    const speakerIds = new Map<string, string>();
    for (const speaker of demoSpeakers) {
      const [row] = await tx
        .insert(speakers)
        .values({
          ...speaker,
          eventId,
          email: `${speaker.slug}@speakers.hybrid-forum.example`,
          bio: {
            en: `${speaker.honorific} ${speaker.name} is ${speaker.jobTitle} at ${speaker.affiliation}.`,
            ...(speaker.translations
              ? { zh: `${speaker.name}，${speaker.translations.zh.affiliation}${speaker.translations.zh.jobTitle}。` }
              : {}),
          },
          calendarToken: randomBytes(24).toString('base64url'),
        })
        .returning({ id: speakers.id });
      speakerIds.set(speaker.slug, row!.id);
    }

    const sessionIds = new Map<string, string>();
    for (const session of demoSessions) {
      const zone = venueZones.get(session.venue)!;
      const day = addDays(firstDay, session.day);
      const streamed = session.streamed ?? true;
      const [row] = await tx
        .insert(sessions)
        .values({
          eventId,
          slug: session.slug,
          title: session.title,
          description: session.description,
          kind: session.kind,
          segment: session.segment,
          startsAt: zonedToUtc(day, session.start, zone),
          endsAt: zonedToUtc(day, session.end, zone),
          venueId: venueIds.get(session.venue)!,
          roomId: session.room ? roomIds.get(session.room)! : null,
          capacity: session.capacity ?? null,
          streamed,
          livestreamUrl: streamed ? `${LIVESTREAM_BASE}/${slug}/${session.slug}` : null,
          languages: session.languages,
        })
        .returning({ id: sessions.id });
      sessionIds.set(session.slug, row!.id);
      for (const relayVenue of session.relayTo ?? []) {
        // Relays are shown in the branch venue's main room.
        const screenRoom = demoVenues.find((v) => v.slug === relayVenue)?.rooms[0]?.key;
        await tx
          .insert(sessionRelays)
          .values({ sessionId: row!.id, venueId: venueIds.get(relayVenue)!, roomId: screenRoom ? roomIds.get(screenRoom)! : null });
      }
      for (const [position, ref] of (session.speakers ?? []).entries()) {
        await tx.insert(sessionSpeakers).values({
          sessionId: row!.id,
          speakerId: speakerIds.get(ref.slug)!,
          role: ref.role,
          presence: ref.presence ?? 'onsite',
          position,
        });
      }
    }
    for (const [position, category] of demoCategories.entries()) {
      const { key, ...columns } = category;
      const [row] = await tx
        .insert(attendeeCategories)
        .values({ ...columns, eventId, position })
        .returning({ id: attendeeCategories.id });
      if (key === 'government')
        await tx.insert(categoryInvitationCodes).values({
          eventId,
          categoryId: row!.id,
          code: DEMO_GOVERNMENT_CODE,
          maxUses: 50,
          expiresAt: zonedToUtc(lastDay, '12:00', demoEvent.timeZone),
        });
    }
    await seedDemoExhibitors(tx, eventId, venueIds, now, sessionIds);
    await seedDemoMeetingSlots(tx, eventId, venueIds, venueZones, firstDay);
    await seedDemoOutcomes(tx, eventId, firstDay);
    // The demo opens already published: version 1 is the programme as seeded.
    const [eventRow] = await tx.select().from(events).where(eq(events.id, eventId));
    const working = await workingAgenda(tx, eventRow!);
    await tx.insert(agendaVersions).values({ eventId, version: 1, snapshot: toSnapshot(working.sessions), changes: [] });
    return eventId;
  });
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(events);
  return (row?.n ?? 0) === 0;
}
