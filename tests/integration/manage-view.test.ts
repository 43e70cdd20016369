// What the manage page is given for a registration, read through its signed link: nothing for a
// forged or unknown link; the ticket only for an in-person registration holding its place
// (confirmed or checked in); the calendar feed while it is not cancelled; a livestream join link only
// for streamed sessions it follows online with a seat (or for anyone the organisers granted the
// stream); the live room (questions, polls) for a registration holding its place and the session's
// seat. And the registration's own view (its venue and its sessions' seats) the registration answers
// carry.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendeeCategories, registrationSessions, registrations, streamGrants } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { joinToken } from '@/lib/livestream/join-token';
import { registrationFeedUrl } from '@/lib/registration/feed-token';
import { manageTokenFor } from '@/lib/registration/manage-token';
import { registrationForManageToken } from '@/lib/registration/manage-view';
import { registrationView } from '@/lib/registration/view';
import { printedShortCode } from '@/lib/tickets/short-code';
import { ticketCode } from '@/lib/tickets/ticket';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { person, registeredId, sessionBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let opening: string; // streamed, held in Nanning, relayed to the branch venues
let keynote: string; // streamed
let workshop: string; // not streamed, Nanning's Room 101

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  opening = await sessionBySlug(t.db, 'opening-ceremony');
  keynote = await sessionBySlug(t.db, 'keynote-digital-health-corridor');
  workshop = await sessionBySlug(t.db, 'young-scientists-workshop');
});
afterAll(() => t?.close());

const view = async (id: string) => (await registrationForManageToken(t.db, manageTokenFor(id)))!;
const links = async (id: string) =>
  Object.fromEntries((await view(id)).items.map((item) => [item.session.id, { join: item.joinPath, live: item.livePath }]));
const join = (id: string, session: string) => `/join/${joinToken(id, session)}`;
const live = (id: string, session: string) => `/live/${joinToken(id, session)}`;
const setStatus = (id: string, values: Partial<typeof registrations.$inferInsert>) =>
  t.db.update(registrations).set(values).where(eq(registrations.id, id));

describe('the manage page’s registration', () => {
  it('is nothing for a forged link or one made for no registration', async () => {
    expect(await registrationForManageToken(t.db, 'not-a-token')).toBeNull();
    const real = manageTokenFor(await registeredId(t.db, person('view-forged', { mode: 'online', venue: null }), now));
    expect(await registrationForManageToken(t.db, `${real.slice(0, -2)}xx`)).toBeNull();
    expect(await registrationForManageToken(t.db, manageTokenFor(randomUUID()))).toBeNull();
  });

  it('online: a join link and the live room for each streamed session with a seat, the feed, no ticket', async () => {
    const id = await registeredId(t.db, person('view-online', { mode: 'online', venue: null, sessions: [opening, keynote] }), now);
    const seen = await view(id);
    expect(seen.ticket).toBeNull();
    expect(seen.feedUrl).toBe(registrationFeedUrl(id));
    expect(await links(id)).toEqual({
      [opening]: { join: join(id, opening), live: live(id, opening) },
      [keynote]: { join: join(id, keynote), live: live(id, keynote) },
    });
    // A seat in line opens neither.
    await t.db
      .update(registrationSessions)
      .set({ status: 'waitlisted', waitlistPosition: 1 })
      .where(and(eq(registrationSessions.registrationId, id), eq(registrationSessions.sessionId, keynote)));
    expect((await links(id))[keynote]).toEqual({ join: null, live: null });
  });

  it('in person: the ticket and the live room, no join link, until the organisers grant the stream (streamed sessions only)', async () => {
    const id = await registeredId(t.db, person('view-onsite', { sessions: [opening, workshop] }), now);
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, id));
    const seen = await view(id);
    expect(seen.ticket).toMatchObject({ code: ticketCode(id), shortCode: printedShortCode(row!.shortCode) });
    expect(seen.ticket!.svg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(seen.feedUrl).toBe(registrationFeedUrl(id));
    expect(await links(id)).toEqual({
      [opening]: { join: null, live: live(id, opening) },
      [workshop]: { join: null, live: live(id, workshop) },
    });
    await t.db.insert(streamGrants).values({ eventId, email: row!.email.toUpperCase() });
    expect(await links(id)).toEqual({
      [opening]: { join: join(id, opening), live: live(id, opening) },
      [workshop]: { join: null, live: live(id, workshop) },
    });
    // Checked in: the same ticket and rooms.
    await setStatus(id, { status: 'checked_in', checkedInAt: now });
    expect((await view(id)).ticket?.code).toBe(ticketCode(id));
    expect((await links(id))[workshop]).toEqual({ join: null, live: live(id, workshop) });
  });

  it('a granted address opens the stream and the live room even for a session it holds no seat in', async () => {
    const id = await registeredId(t.db, person('view-granted', { sessions: [opening] }), now);
    await t.db.insert(streamGrants).values({ eventId, email: 'pview-granted@example.org' });
    await t.db
      .update(registrationSessions)
      .set({ status: 'waitlisted', waitlistPosition: 2 })
      .where(eq(registrationSessions.registrationId, id));
    expect(await links(id)).toEqual({ [opening]: { join: join(id, opening), live: live(id, opening) } });
  });

  it('waitlisted at the venue or pending approval: no ticket and no live room; still the feed', async () => {
    const waitlisted = await registeredId(t.db, person('view-waitlisted', { sessions: [opening] }), now);
    await setStatus(waitlisted, { status: 'waitlisted', waitlistPosition: 3 });
    expect((await view(waitlisted)).ticket).toBeNull();
    expect((await view(waitlisted)).feedUrl).toBe(registrationFeedUrl(waitlisted));
    expect((await links(waitlisted))[opening]).toEqual({ join: null, live: null });

    const [approval] = await t.db
      .insert(attendeeCategories)
      .values({ eventId, name: { en: 'View approval' }, requiresApproval: true })
      .returning();
    const pending = await registeredId(t.db, person('view-pending', { category: approval!.id, sessions: [opening] }), now);
    expect((await t.db.select().from(registrations).where(eq(registrations.id, pending)))[0]!.status).toBe('pending');
    expect((await view(pending)).ticket).toBeNull();
    expect(Object.values(await links(pending)).every((l) => l.live === null && l.join === null)).toBe(true);
  });

  it('cancelled: no ticket, no feed, no join link and no live room, even with the stream granted', async () => {
    const online = await registeredId(t.db, person('view-cancelled-online', { mode: 'online', venue: null, sessions: [keynote] }), now);
    const onsite = await registeredId(t.db, person('view-cancelled-onsite', { sessions: [opening] }), now);
    await t.db.insert(streamGrants).values({ eventId, email: 'pview-cancelled-onsite@example.org' });
    for (const id of [online, onsite]) {
      await setStatus(id, { status: 'cancelled', cancelledAt: now });
      const seen = await view(id);
      expect([seen.ticket, seen.feedUrl]).toEqual([null, null]);
      expect(seen.items.every((item) => item.joinPath === null && item.livePath === null)).toBe(true);
    }
  });
});

describe('a registration’s own view', () => {
  it('names its venue and each session’s seat, in line with its place', async () => {
    const id = await registeredId(t.db, person('view-own', { venue: 'tokyo', sessions: [opening, keynote] }), now);
    await t.db
      .update(registrationSessions)
      .set({ status: 'waitlisted', waitlistPosition: 5 })
      .where(and(eq(registrationSessions.registrationId, id), eq(registrationSessions.sessionId, keynote)));
    const own = await registrationView(t.db, id);
    expect(own).toMatchObject({
      id,
      email: 'pview-own@example.org',
      name: 'Participant view-own',
      mode: 'in_person',
      venue: 'tokyo',
      status: 'confirmed',
    });
    // In the order of the session ids, as the database sorts uuids.
    const seats = [
      { sessionId: opening, status: 'confirmed', position: null },
      { sessionId: keynote, status: 'waitlisted', position: 5 },
    ];
    expect(own.sessions).toEqual(seats.sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1)));
    const online = await registeredId(t.db, person('view-own-online', { mode: 'online', venue: null }), now);
    expect(await registrationView(t.db, online)).toMatchObject({ venue: null, sessions: [] });
    const missing = randomUUID();
    await expect(registrationView(t.db, missing)).rejects.toThrow(`registration ${missing} not found`);
  });
});
