import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, eventMembers, events, rooms, users, venues } from '@/db/schema';
import { listedEvents, listedEventsUpcomingFirst, publishedEventBySlug } from '@/lib/agenda/events';
import { publishAgenda } from '@/lib/agenda/publish/publish';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { changeEventPhase } from '@/lib/events/admin/change-phase';
import { createEvent } from '@/lib/events/admin/create-event';
import { registerAttendee } from '@/lib/registration/register';
import { localDate, localTime } from '@/lib/time/zones';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';

let t: TestDatabase;
let creator: Actor;

const newForum = {
  name: { en: 'ASEAN-China Marine Science Forum', zh: '中国—东盟海洋科学论坛', th: 'ฟอรั่มวิทยาศาสตร์ทางทะเลอาเซียน-จีน' },
  slug: 'marine-forum',
  firstDay: '2027-03-10',
  lastDay: '2027-03-11',
  venueNameEn: 'Xiamen International Conference Center',
  venueCityEn: 'Xiamen',
  venueCountry: 'cn',
  venueTimeZone: 'asia/shanghai',
  venueCapacity: '400',
  withOnline: true,
};

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  creator = await actorFor(t.db, 'creator@forum.test');
  await t.db.update(users).set({ canCreateEvents: true }).where(eq(users.id, creator.userId));
  creator = { ...creator, canCreateEvents: true };
});
afterAll(() => t?.close());

const online = (n: string) => person(n, { mode: 'online' });

describe('creating an event', () => {
  it('makes a draft with its main venue (whose zone is the event’s), one room, the online venue, and its creator as organiser', async () => {
    const result = await createEvent(t.db, creator, newForum);
    expect(result).toMatchObject({ ok: true, slug: 'marine-forum' });
    const [event] = await t.db.select().from(events).where(eq(events.slug, 'marine-forum'));
    expect(event).toMatchObject({ status: 'draft', timeZone: 'Asia/Shanghai', name: newForum.name });
    expect(localDate(event!.startsAt, 'Asia/Shanghai')).toBe('2027-03-10');
    expect(localTime(event!.startsAt, 'Asia/Shanghai')).toBe('00:00');
    // The end is the midnight after the last day.
    expect(localDate(event!.endsAt, 'Asia/Shanghai')).toBe('2027-03-12');
    const places = await t.db.select().from(venues).where(eq(venues.eventId, event!.id));
    expect(places.map((v) => [v.kind, v.country, v.timeZone, v.capacity]).sort()).toEqual([
      ['main', 'CN', 'Asia/Shanghai', 400],
      ['online', 'CN', 'Asia/Shanghai', null],
    ]);
    const main = places.find((v) => v.kind === 'main')!;
    expect(await t.db.select().from(rooms).where(eq(rooms.venueId, main.id))).toHaveLength(1);
    expect(await t.db.select().from(eventMembers).where(eq(eventMembers.eventId, event!.id))).toEqual([
      { eventId: event!.id, userId: creator.userId, role: 'organiser', venueId: null },
    ]);
    expect((await t.db.select().from(auditLog).where(eq(auditLog.eventId, event!.id))).map((a) => a.action)).toEqual(['event.create']);
    // A draft is the team's alone.
    expect(await publishedEventBySlug(t.db, 'marine-forum')).toBeUndefined();
    expect(await registerAttendee(t.db, 'marine-forum', online('draft'))).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('refuses bad input beside each field and a taken slug, creating nothing', async () => {
    const before = (await t.db.select().from(events)).length;
    const bad = await createEvent(t.db, creator, {
      ...newForum,
      slug: 'Bad Slug',
      lastDay: '2027-03-09',
      venueTimeZone: 'Mars/Olympus',
      venueCountry: 'XX',
      venueCapacity: '0',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(Object.keys(bad.fields ?? {}).sort()).toEqual(['lastDay', 'slug', 'venueCapacity', 'venueCountry', 'venueTimeZone']);
    const endsFirst = await createEvent(t.db, creator, { ...newForum, slug: 'ends-first', lastDay: '2027-03-09' });
    expect(endsFirst).toEqual({ ok: false, code: 'invalid', error: expect.any(String), fields: { lastDay: expect.any(String) } });
    const taken = await createEvent(t.db, creator, { ...newForum, slug: EVENT });
    expect(taken).toEqual({ ok: false, code: 'invalid', error: expect.any(String), fields: { slug: 'eventSlugTaken' } });
    expect((await t.db.select().from(events)).length).toBe(before);
  });

  it('is for the platform role only', async () => {
    const organiser = await actorFor(t.db, 'plain.organiser@forum.test', { eventSlug: EVENT, role: 'organiser' });
    await expect(createEvent(t.db, null, { ...newForum, slug: 'x1' })).rejects.toMatchObject({ reason: 'signed-out' });
    await expect(createEvent(t.db, organiser, { ...newForum, slug: 'x1' })).rejects.toBeInstanceOf(AuthorizationError);
    expect(await t.db.select().from(events).where(eq(events.slug, 'x1'))).toHaveLength(0);
  });
});

describe('an event’s life: draft → published → open → closed → archived', () => {
  it('takes each step once, in order, and the public, the API and registration follow', async () => {
    const slug = 'marine-forum';
    const step = (s: Parameters<typeof changeEventPhase>[3]) => changeEventPhase(t.db, creator, slug, s);

    // Not published while its programme has never been published: the public would see nothing.
    expect(await step('publish')).toEqual({
      ok: false,
      code: 'conflict',
      error: expect.any(String),
      reason: 'programme-unpublished',
      phase: 'draft',
    });
    await publishAgenda(t.db, creator, slug);
    expect(await step('open-registration')).toEqual({
      ok: false,
      code: 'conflict',
      error: expect.any(String),
      reason: 'not-allowed-now',
      phase: 'draft',
    });
    expect(await step('publish')).toEqual({ ok: true, phase: 'upcoming' });
    expect(await publishedEventBySlug(t.db, slug)).toBeDefined();
    expect((await listedEvents(t.db)).map((e) => e.slug)).toContain(slug);
    expect(await registerAttendee(t.db, slug, online('early'))).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { event: 'registrationNotYet' },
    });

    expect(await step('open-registration')).toEqual({ ok: true, phase: 'open' });
    expect(await registerAttendee(t.db, slug, online('in-time'))).toMatchObject({ ok: true });

    expect(await step('close-registration')).toEqual({ ok: true, phase: 'closed' });
    expect(await registerAttendee(t.db, slug, online('late'))).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { event: 'registrationClosed' },
    });
    // Closed is not hidden: the programme stays public.
    expect(await publishedEventBySlug(t.db, slug)).toBeDefined();

    // Reopening is possible (a deadline extended); then closed again.
    expect(await step('open-registration')).toEqual({ ok: true, phase: 'open' });
    expect(await step('close-registration')).toEqual({ ok: true, phase: 'closed' });

    expect(await step('archive')).toEqual({ ok: true, phase: 'archived' });
    expect((await listedEvents(t.db)).map((e) => e.slug)).not.toContain(slug);
    expect(await publishedEventBySlug(t.db, slug)).toBeDefined();
    expect(await registerAttendee(t.db, slug, online('archived'))).toMatchObject({
      ok: false,
      fields: { event: 'registrationClosed' },
    });
    for (const s of ['publish', 'open-registration', 'close-registration', 'archive'] as const) {
      expect(await step(s)).toMatchObject({ ok: false, code: 'conflict', reason: 'not-allowed-now', phase: 'archived' });
    }
    const [event] = await t.db.select().from(events).where(eq(events.slug, slug));
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.eventId, event!.id))).map((a) => a.action);
    expect(actions.filter((a) => a.startsWith('event.'))).toEqual([
      'event.create',
      'event.publish',
      'event.open-registration',
      'event.close-registration',
      'event.open-registration',
      'event.close-registration',
      'event.archive',
    ]);
  });

  it('takes one step when two organisers click at once', async () => {
    const created = await createEvent(t.db, creator, { ...newForum, slug: 'double-click' });
    expect(created.ok).toBe(true);
    await publishAgenda(t.db, creator, 'double-click');
    const outcomes = await Promise.all([1, 2, 3].map(() => changeEventPhase(t.db, creator, 'double-click', 'publish')));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const [event] = await t.db.select().from(events).where(eq(events.slug, 'double-click'));
    const publishes = (await t.db.select().from(auditLog).where(eq(auditLog.eventId, event!.id))).filter(
      (a) => a.action === 'event.publish',
    );
    expect(publishes).toHaveLength(1);
  });

  it('lists forums still to come first, soonest first, then past ones, latest first', async () => {
    const at = (slug: string, startsAt: string, endsAt: string) =>
      t.db
        .update(events)
        .set({ status: 'published', startsAt: new Date(startsAt), endsAt: new Date(endsAt) })
        .where(eq(events.slug, slug));
    for (const slug of ['past-a', 'past-b', 'soon', 'later']) {
      expect((await createEvent(t.db, creator, { ...newForum, slug })).ok).toBe(true);
    }
    await at('past-a', '2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z');
    await at('past-b', '2025-06-01T00:00:00Z', '2025-06-02T00:00:00Z');
    await at('soon', '2027-01-01T00:00:00Z', '2027-01-02T00:00:00Z');
    await at('later', '2028-01-01T00:00:00Z', '2028-01-02T00:00:00Z');
    const order = (await listedEventsUpcomingFirst(t.db, new Date('2026-12-01T00:00:00Z'))).map((e) => e.slug);
    const mine = order.filter((s) => ['past-a', 'past-b', 'soon', 'later'].includes(s));
    expect(mine).toEqual(['soon', 'later', 'past-b', 'past-a']);
  });

  it('is the organisers’ alone', async () => {
    const attendee = await actorFor(t.db, 'attendee.phase@forum.test');
    const staff = await actorFor(t.db, 'staff.phase@forum.test', { eventSlug: EVENT, role: 'checkin' });
    for (const who of [null, attendee, staff]) {
      await expect(changeEventPhase(t.db, who, EVENT, 'close-registration')).rejects.toBeInstanceOf(AuthorizationError);
    }
    const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    expect(event!.registrationClosesAt!.getTime()).toBeGreaterThan(Date.now());
  });
});
