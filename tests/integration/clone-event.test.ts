import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agendaVersions,
  auditLog,
  eventMembers,
  events,
  registrations,
  rooms,
  sessionRelays,
  sessions,
  speakers,
  users,
  venues,
} from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { cloneEvent } from '@/lib/events/admin/clone-event';
import { registerAttendee } from '@/lib/registration/register';
import { localDate, localTime } from '@/lib/time/zones';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';

const FIRST_DAY = '2026-12-24';
let t: TestDatabase;
let admin: Actor;
let organiser: Actor;
let sourceId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  sourceId = await seedDemoForum(t.db, { firstDay: FIRST_DAY, now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.clone@forum.test', { eventSlug: EVENT, role: 'organiser' });
  admin = await actorFor(t.db, 'platform.clone@forum.test', { eventSlug: EVENT, role: 'organiser' });
  await t.db.update(users).set({ canCreateEvents: true }).where(eq(users.id, admin.userId));
  admin = { ...admin, canCreateEvents: true };
  // A venue in a zone with daylight saving, so a clone across the change can be checked: the demo's
  // Asian zones have none.
  const [berlin] = await t.db
    .insert(venues)
    .values({
      eventId: sourceId,
      slug: 'berlin',
      name: { en: 'Berlin Hub' },
      city: { en: 'Berlin' },
      country: 'DE',
      timeZone: 'Europe/Berlin',
      kind: 'branch',
      capacity: 50,
    })
    .returning();
  await t.db.insert(sessions).values({
    eventId: sourceId,
    slug: 'berlin-morning',
    title: { en: 'Berlin morning briefing' },
    kind: 'forum',
    segment: 'main',
    // 09:00–10:00 in Berlin on the first day (CET, UTC+1).
    startsAt: new Date('2026-12-24T08:00:00Z'),
    endsAt: new Date('2026-12-24T09:00:00Z'),
    venueId: berlin!.id,
  });
  const registered = await registerAttendee(t.db, EVENT, person('clone-src', { mode: 'online' }));
  expect(registered.ok).toBe(true);
});
afterAll(() => t?.close());

const counts = async (table: typeof venues | typeof speakers | typeof sessions, eventId: string) =>
  (await t.db.select().from(table).where(eq(table.eventId, eventId))).length;

describe('cloning an edition', () => {
  it('copies the programme to the new dates at the same wall-clock time in each venue, across daylight saving', async () => {
    const result = await cloneEvent(t.db, admin, EVENT, {
      slug: 'forum-2027-summer',
      firstDay: '2027-06-24',
      name: { en: 'The 11th Forum' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.fields));
    expect(result.shiftedDays).toBe(182);

    const [clone] = await t.db.select().from(events).where(eq(events.slug, 'forum-2027-summer'));
    expect(clone!.status).toBe('draft');
    expect(clone!.publishedVersion).toBe(0);
    expect(localDate(clone!.startsAt, clone!.timeZone)).toBe('2027-06-24');
    expect(clone!.name).toEqual({ en: 'The 11th Forum' });

    const [src] = await t.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.eventId, sourceId), eq(sessions.slug, 'berlin-morning')));
    const [copy] = await t.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.eventId, clone!.id), eq(sessions.slug, 'berlin-morning')));
    // Same wall clock, different offset: 09:00 CEST is 07:00 UTC, an hour earlier in UTC than CET.
    expect(localTime(copy!.startsAt, 'Europe/Berlin')).toBe('09:00');
    expect(localDate(copy!.startsAt, 'Europe/Berlin')).toBe('2027-06-24');
    expect(copy!.startsAt.toISOString()).toBe('2027-06-24T07:00:00.000Z');
    expect(copy!.startsAt.getTime() - src!.startsAt.getTime()).toBe(182 * 86_400_000 - 3_600_000);

    // Every session keeps its venue-local time and weekday offset from the first day.
    const srcSessions = await t.db.select().from(sessions).where(eq(sessions.eventId, sourceId));
    const copies = new Map((await t.db.select().from(sessions).where(eq(sessions.eventId, clone!.id))).map((s) => [s.slug, s]));
    const zoneOf = new Map((await t.db.select().from(venues)).map((v) => [v.id, v.timeZone]));
    expect(copies.size).toBe(srcSessions.length);
    for (const s of srcSessions) {
      const c = copies.get(s.slug)!;
      const zone = zoneOf.get(s.venueId)!;
      expect(localTime(c.startsAt, zone), s.slug).toBe(localTime(s.startsAt, zone));
      expect(localTime(c.endsAt, zone), s.slug).toBe(localTime(s.endsAt, zone));
      expect(c.confirmedCount).toBe(0);
      expect(c.recordingUrl).toBeNull();
      expect(c.livestreamUrl).toBe(s.livestreamUrl);
    }

    expect(result.copied.venues).toBe(await counts(venues, sourceId));
    expect(await counts(venues, clone!.id)).toBe(result.copied.venues);
    expect(await counts(speakers, clone!.id)).toBe(await counts(speakers, sourceId));
    expect(result.copied.relays).toBeGreaterThan(0);
    const relays = await t.db
      .select()
      .from(sessionRelays)
      .innerJoin(sessions, eq(sessionRelays.sessionId, sessions.id))
      .where(eq(sessions.eventId, clone!.id));
    expect(relays).toHaveLength(result.copied.relays);
    // Relays and rooms point into the clone, never back into the source edition.
    const cloneVenueIds = new Set((await t.db.select().from(venues).where(eq(venues.eventId, clone!.id))).map((v) => v.id));
    for (const r of relays) expect(cloneVenueIds.has(r.session_relays.venueId)).toBe(true);
    const cloneRooms = await t.db.select().from(rooms).innerJoin(venues, eq(rooms.venueId, venues.id)).where(eq(venues.eventId, clone!.id));
    expect(cloneRooms.length).toBe(result.copied.rooms);

    // People's data stays behind.
    expect(await t.db.select().from(registrations).where(eq(registrations.eventId, clone!.id))).toHaveLength(0);
    expect(await t.db.select().from(agendaVersions).where(eq(agendaVersions.eventId, clone!.id))).toHaveLength(0);
    for (const v of await t.db.select().from(venues).where(eq(venues.eventId, clone!.id))) expect(v.confirmedCount).toBe(0);
    // Calendar links are secrets of one edition.
    const srcTokens = new Set((await t.db.select().from(speakers).where(eq(speakers.eventId, sourceId))).map((s) => s.calendarToken));
    for (const s of await t.db.select().from(speakers).where(eq(speakers.eventId, clone!.id)))
      expect(srcTokens.has(s.calendarToken)).toBe(false);

    // The team comes along, and the clone is in the audit log of the new event.
    const team = await t.db.select().from(eventMembers).where(eq(eventMembers.eventId, clone!.id));
    expect(team.map((m) => m.userId)).toContain(organiser.userId);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.eventId, clone!.id));
    expect(audit).toMatchObject({ action: 'event.clone', actorUserId: admin.userId });
  });

  it('refuses a slug that is taken, and creates nothing', async () => {
    const before = (await t.db.select().from(events)).length;
    const result = await cloneEvent(t.db, admin, EVENT, { slug: EVENT, firstDay: '2027-12-24', name: { en: 'Again' } });
    expect(result).toEqual({ ok: false, code: 'invalid', error: expect.any(String), fields: { slug: 'eventSlugTaken' } });
    expect((await t.db.select().from(events)).length).toBe(before);
  });

  it('refuses bad input beside the field', async () => {
    const result = await cloneEvent(t.db, admin, EVENT, { slug: 'Not A Slug', firstDay: '2027-02-30', name: { en: '' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fields ?? {}).sort()).toEqual(['firstDay', 'name', 'slug']);
  });

  it('is for a platform role holding the organiser role of the source edition', async () => {
    const attendee = await actorFor(t.db, 'attendee.clone@forum.test');
    const input = { slug: 'stolen-forum', firstDay: '2027-12-24', name: { en: 'Stolen' } };
    await expect(cloneEvent(t.db, null, EVENT, input)).rejects.toMatchObject({ reason: 'signed-out' });
    await expect(cloneEvent(t.db, attendee, EVENT, input)).rejects.toBeInstanceOf(AuthorizationError);
    // An organiser of the event, without the platform role, may not create events.
    await expect(cloneEvent(t.db, organiser, EVENT, input)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(cloneEvent(t.db, admin, 'no-such-forum', input)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await t.db.select().from(events).where(eq(events.slug, 'stolen-forum'))).toHaveLength(0);
  });
});
