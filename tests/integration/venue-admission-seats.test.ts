// Issue 13 point 6: a session seat at a venue goes only to people admitted to that venue. Someone
// waitlisted for the venue waits in their sessions' lines too; when the venue admits them, they take
// their seats in those lines' order; a freed seat goes to the first in line who is admitted there.
// Relay and online choices take no session seat, so they never wait on one.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, sessionRelays, sessions, venues } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { promoteAtVenue, promoteSessionSeat } from '@/lib/registration/admin/promote';
import { cancelRegistration, changeRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';
import { seatInvariantBreaches } from '../helpers/seat-invariants';
import { registered, smallVenue as smallVenueIn, standing as standingIn } from '../helpers/seat-standing';
import { addSeatedSession } from '../helpers/seated-session';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

const smallVenue = (tag: string, places: number, seats: number) => smallVenueIn(t.db, tag, places, seats);
const standing = (registrationId: string) => standingIn(t.db, registrationId);

async function register(tag: string, venueSlug: string, sessionIds: string[]) {
  return registered(await registerAttendee(t.db, EVENT, person(tag, { venue: venueSlug, sessions: sessionIds }), { now }));
}

async function mailKinds(registrationId: string) {
  return (await t.db.select({ kind: outbox.kind }).from(outbox).where(eq(outbox.registrationId, registrationId))).map((m) => m.kind).sort();
}

describe(`session seats go only to people admitted at the venue (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('the attack from the issue: P2, waitlisted for the venue, waits for the session seat; P1, admitted, takes it', async () => {
    const hall = await smallVenue('one-place', 1, 1);
    const p1 = await register('one-place-p1', 'one-place-hall', []);
    expect(p1.status).toBe('confirmed');
    const p2 = await register('one-place-p2', 'one-place-hall', [hall.sessionId]);
    expect([p2.status, p2.waitlistPosition]).toEqual(['waitlisted', 1]);
    expect(p2.sessions).toEqual([{ sessionId: hall.sessionId, status: 'waitlisted', position: 1 }]);

    const changed = registered(
      await changeRegistration(t.db, p1.id, { mode: 'in_person', venue: 'one-place-hall', sessions: [hall.sessionId] }),
    );
    expect(changed.sessions).toEqual([{ sessionId: hall.sessionId, status: 'confirmed', position: null }]);
    expect(await standing(p2.id)).toEqual({ venue: ['waitlisted', 1], sessions: { [hall.sessionId]: ['waitlisted', 1] } });
    expect(await seatInvariantBreaches(t.db, hall.eventId)).toEqual([]);

    // P1 leaves: P2 is admitted at the venue and the promotion carries the session seat.
    await cancelRegistration(t.db, p1.id);
    expect(await standing(p2.id)).toEqual({ venue: ['confirmed', null], sessions: { [hall.sessionId]: ['confirmed', null] } });
    expect(await mailKinds(p2.id)).toEqual(['registration.promoted', 'registration.waitlisted']);
    expect(await seatInvariantBreaches(t.db, hall.eventId)).toEqual([]);
  });

  it('a freed seat goes to the first admitted person in line, passing over those still waiting for the venue; admission keeps the line order', async () => {
    const hall = await smallVenue('order', 2, 1);
    const s = hall.sessionId;
    const a = await register('order-a', 'order-hall', [s]);
    const b = await register('order-b', 'order-hall', []);
    const c = await register('order-c', 'order-hall', [s]);
    const d = await register('order-d', 'order-hall', [s]);
    expect([a, b, c, d].map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect([c, d].map((r) => r.sessions[0])).toEqual([
      { sessionId: s, status: 'waitlisted', position: 1 },
      { sessionId: s, status: 'waitlisted', position: 2 },
    ]);

    // B, admitted, joins the line behind C and D.
    registered(await changeRegistration(t.db, b.id, { mode: 'in_person', venue: 'order-hall', sessions: [s] }));
    expect((await standing(b.id)).sessions).toEqual({ [s]: ['waitlisted', 3] });
    // A gives up the seat: C and D are not admitted at the venue, so B (third in line) takes it.
    registered(await changeRegistration(t.db, a.id, { mode: 'in_person', venue: 'order-hall', sessions: [] }));
    expect((await standing(b.id)).sessions).toEqual({ [s]: ['confirmed', null] });
    expect((await standing(c.id)).sessions).toEqual({ [s]: ['waitlisted', 1] });
    expect((await standing(d.id)).sessions).toEqual({ [s]: ['waitlisted', 2] });
    expect(await seatInvariantBreaches(t.db, hall.eventId)).toEqual([]);

    // A leaves the venue: C is admitted, but the session is full, so C keeps first place in its line.
    await cancelRegistration(t.db, a.id);
    expect(await standing(c.id)).toEqual({ venue: ['confirmed', null], sessions: { [s]: ['waitlisted', 1] } });
    expect(await standing(d.id)).toEqual({ venue: ['waitlisted', 1], sessions: { [s]: ['waitlisted', 2] } });
    // B leaves: D is admitted at the venue, and the seat B freed goes to C, first in line.
    await cancelRegistration(t.db, b.id);
    expect(await standing(c.id)).toEqual({ venue: ['confirmed', null], sessions: { [s]: ['confirmed', null] } });
    expect(await standing(d.id)).toEqual({ venue: ['confirmed', null], sessions: { [s]: ['waitlisted', 1] } });
    expect(await seatInvariantBreaches(t.db, hall.eventId)).toEqual([]);
  });

  it('promotion at the venue carries the seats in every session held there, each in its own line order', async () => {
    const hall = await smallVenue('carry', 1, 1);
    const second = await addSeatedSession(t.db, { eventSlug: EVENT, venueSlug: 'carry-hall', sessionSlug: 'carry-second', capacity: 5 });
    const first = await register('carry-first', 'carry-hall', []);
    const waiting = await register('carry-waiting', 'carry-hall', [hall.sessionId, second.sessionId]);
    expect(waiting.sessions.map((x) => x.status)).toEqual(['waitlisted', 'waitlisted']);
    await cancelRegistration(t.db, first.id);
    expect(await standing(waiting.id)).toEqual({
      venue: ['confirmed', null],
      sessions: { [hall.sessionId]: ['confirmed', null], [second.sessionId]: ['confirmed', null] },
    });
    const [counts] = await t.db.select({ n: sessions.confirmedCount }).from(sessions).where(eq(sessions.id, second.sessionId));
    expect(counts!.n).toBe(1);
    expect(await seatInvariantBreaches(t.db, hall.eventId)).toEqual([]);
  });

  it('an organiser admitting someone at the venue gives them their session seats; a session seat alone is refused while they wait for the venue', async () => {
    const organiser = await actorFor(t.db, 'seats-organiser@example.org', { eventSlug: EVENT, role: 'organiser' });
    const hall = await smallVenue('organiser', 1, 1);
    const first = await register('organiser-first', 'organiser-hall', []);
    const waiting = await register('organiser-waiting', 'organiser-hall', [hall.sessionId]);
    expect(await promoteSessionSeat(t.db, organiser, EVENT, waiting.id, hall.sessionId)).toMatchObject({
      ok: false,
      code: 'conflict',
      error: expect.stringContaining('waitlisted for the venue'),
    });
    expect((await standing(waiting.id)).sessions).toEqual({ [hall.sessionId]: ['waitlisted', 1] });

    await t.db.update(venues).set({ capacity: 2 }).where(eq(venues.id, hall.venueId));
    expect(await promoteAtVenue(t.db, organiser, EVENT, waiting.id)).toEqual({ ok: true, promoted: waiting.id });
    expect(await standing(waiting.id)).toEqual({ venue: ['confirmed', null], sessions: { [hall.sessionId]: ['confirmed', null] } });
    expect((await standing(first.id)).venue).toEqual(['confirmed', null]);
    expect(await seatInvariantBreaches(t.db, hall.eventId)).toEqual([]);
  });

  it('moving to a full venue puts the new venue’s sessions in line; moving online frees the venue place and the choice is confirmed at once', async () => {
    const full = await smallVenue('move-full', 1, 3);
    const other = await smallVenue('move-other', 5, 3);
    await register('move-holder', 'move-full-hall', []);
    const mover = await register('move-mover', 'move-other-hall', [other.sessionId]);
    expect(mover.sessions).toEqual([{ sessionId: other.sessionId, status: 'confirmed', position: null }]);

    const moved = registered(
      await changeRegistration(t.db, mover.id, { mode: 'in_person', venue: 'move-full-hall', sessions: [full.sessionId] }),
    );
    expect([moved.status, moved.waitlistPosition]).toEqual(['waitlisted', 1]);
    // Seats are free in that session, but the mover is not admitted at its venue.
    expect(moved.sessions).toEqual([{ sessionId: full.sessionId, status: 'waitlisted', position: 1 }]);
    const [otherCount] = await t.db.select({ n: sessions.confirmedCount }).from(sessions).where(eq(sessions.id, other.sessionId));
    expect(otherCount!.n).toBe(0);

    // Online attendees are not limited by any venue: the (streamed) session is theirs at once.
    const online = registered(await changeRegistration(t.db, mover.id, { mode: 'online', venue: null, sessions: [full.sessionId] }));
    expect([online.status, online.waitlistPosition, online.venue]).toEqual(['confirmed', null, null]);
    expect(online.sessions).toEqual([{ sessionId: full.sessionId, status: 'confirmed', position: null }]);
    const [fullCount] = await t.db.select({ n: sessions.confirmedCount }).from(sessions).where(eq(sessions.id, full.sessionId));
    expect(fullCount!.n).toBe(0);
    expect(await seatInvariantBreaches(t.db, full.eventId)).toEqual([]);
  });

  it('a relayed session takes no seat where it is held: someone waiting for the relay venue never holds or waits for one', async () => {
    const origin = await smallVenue('relay-origin', 10, 1);
    const relayVenue = await smallVenue('relay-screen', 1, 1);
    await t.db.insert(sessionRelays).values({ sessionId: origin.sessionId, venueId: relayVenue.venueId });
    await register('relay-holder', 'relay-screen-hall', []);
    const watcher = await register('relay-watcher', 'relay-screen-hall', [origin.sessionId]);
    expect([watcher.status, watcher.sessions]).toEqual([
      'waitlisted',
      [{ sessionId: origin.sessionId, status: 'confirmed', position: null }],
    ]);
    // The only seat in the room where it is held goes to someone there.
    const inRoom = await register('relay-in-room', 'relay-origin-hall', [origin.sessionId]);
    expect(inRoom.sessions).toEqual([{ sessionId: origin.sessionId, status: 'confirmed', position: null }]);
    const [held] = await t.db
      .select({ n: sessions.confirmedCount })
      .from(sessions)
      .where(and(eq(sessions.id, origin.sessionId)));
    expect(held!.n).toBe(1);
    expect(await seatInvariantBreaches(t.db, origin.eventId)).toEqual([]);
  });
});
