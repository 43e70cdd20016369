// Seat moves (issue 24 item 3): every change a registration can make (venue, mode, sessions,
// cancellation, promotion) frees what it leaves to the first in line who may take it and claims what
// it newly wants; alone, and concurrently with registrations and cancellations from several app
// instances. The negative control forces the race without the seat lock and expects its symptoms.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, registrations, sessionRelays, sessions, venues } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { cancelRegistrationAsOrganiser } from '@/lib/registration/admin/cancel';
import { promoteAtVenue } from '@/lib/registration/admin/promote';
import { cancelRegistration, changeRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { RegistrationBatches } from '@/lib/registration/registration-batches';
import type { RegistrationOutcome } from '@/lib/registration/result';
import { lockSeats, readSeatsWithoutLocking, type SeatLock } from '@/lib/registration/seats';
import type { Actor } from '@/lib/auth/sessions';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';
import { seatInvariantBreaches } from '../helpers/seat-invariants';
import { outcomes, seatGate } from '../helpers/seat-race';
import { registered, smallVenue as smallVenueIn, standing as standingIn } from '../helpers/seat-standing';
import { addSeatedSession, type SeatedSession } from '../helpers/seated-session';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let eventId: string;
let organiser: Actor;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 40 });
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'moves-organiser@example.org', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

const smallVenue = async (tag: string, places: number | null, seats: number) => {
  const seated = await smallVenueIn(t.db, tag, places, seats);
  eventId = seated.eventId;
  return seated;
};
const standing = (registrationId: string) => standingIn(t.db, registrationId);
const inPerson = (hall: SeatedSession, sessionIds: string[]) => ({ mode: 'in_person', venue: hall.venueSlug, sessions: sessionIds });

async function register(tag: string, hall: SeatedSession | null, sessionIds: string[], batches?: RegistrationBatches) {
  const body = hall
    ? person(tag, { venue: hall.venueSlug, sessions: sessionIds })
    : person(tag, { mode: 'online', venue: null, sessions: sessionIds });
  return registered(await registerAttendee(t.db, EVENT, body, { now, batches }));
}

async function seatCount(sessionId: string) {
  const [row] = await t.db.select({ n: sessions.confirmedCount }).from(sessions).where(eq(sessions.id, sessionId));
  return row!.n;
}

async function venueCount(venueId: string) {
  const [row] = await t.db.select({ n: venues.confirmedCount }).from(venues).where(eq(venues.id, venueId));
  return row!.n;
}

/** How many "you have a place now" mails each registration got. */
async function promotedMails(ids: string[]) {
  const mails = await t.db
    .select({ id: outbox.registrationId })
    .from(outbox)
    .where(and(inArray(outbox.registrationId, ids), eq(outbox.kind, 'registration.promoted')));
  return ids.map((id) => mails.filter((m) => m.id === id).length);
}

describe(`seat moves, one at a time (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('a venue change frees the old place, admitting the first in line there with their seat, and claims the new one', async () => {
    const from = await smallVenue('move-from', 1, 1);
    const to = await smallVenue('move-to', 2, 1);
    const mover = await register('move-from-mover', from, [from.sessionId]);
    const waiting = await register('move-from-waiting', from, [from.sessionId]);
    expect((await standing(waiting.id)).venue).toEqual(['waitlisted', 1]);

    registered(await changeRegistration(t.db, mover.id, inPerson(to, [to.sessionId])));
    expect(await standing(mover.id)).toEqual({ venue: ['confirmed', null], sessions: { [to.sessionId]: ['confirmed', null] } });
    expect(await standing(waiting.id)).toEqual({ venue: ['confirmed', null], sessions: { [from.sessionId]: ['confirmed', null] } });
    expect([
      await venueCount(from.venueId),
      await seatCount(from.sessionId),
      await venueCount(to.venueId),
      await seatCount(to.sessionId),
    ]).toEqual([1, 1, 1, 1]);
    expect(await promotedMails([waiting.id, mover.id])).toEqual([1, 0]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('in person → online frees the place and the seat; online → in person claims them again, or places in line', async () => {
    const hall = await smallVenue('mode', 1, 1);
    const switcher = await register('mode-switcher', hall, [hall.sessionId]);
    const waiting = await register('mode-waiting', hall, [hall.sessionId]);

    registered(await changeRegistration(t.db, switcher.id, { mode: 'online', venue: null, sessions: [hall.sessionId] }));
    expect(await standing(switcher.id)).toEqual({ venue: ['confirmed', null], sessions: { [hall.sessionId]: ['confirmed', null] } });
    expect(await standing(waiting.id)).toEqual({ venue: ['confirmed', null], sessions: { [hall.sessionId]: ['confirmed', null] } });
    expect([await venueCount(hall.venueId), await seatCount(hall.sessionId)]).toEqual([1, 1]);

    // Back in person: the venue is full now, so a place in its line, and in the session's behind it.
    registered(await changeRegistration(t.db, switcher.id, inPerson(hall, [hall.sessionId])));
    expect(await standing(switcher.id)).toEqual({ venue: ['waitlisted', 1], sessions: { [hall.sessionId]: ['waitlisted', 1] } });
    expect([await venueCount(hall.venueId), await seatCount(hall.sessionId)]).toEqual([1, 1]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('adding a session takes a free seat or the next place; dropping a seat hands it on; dropping a place in line closes the gap', async () => {
    const hall = await smallVenue('sessions', null, 1);
    const [a, b, c] = [
      await register('sessions-a', hall, []),
      await register('sessions-b', hall, []),
      await register('sessions-c', hall, []),
    ];
    for (const r of [a, b, c]) registered(await changeRegistration(t.db, r.id, inPerson(hall, [hall.sessionId])));
    expect([(await standing(a.id)).sessions, (await standing(b.id)).sessions, (await standing(c.id)).sessions]).toEqual([
      { [hall.sessionId]: ['confirmed', null] },
      { [hall.sessionId]: ['waitlisted', 1] },
      { [hall.sessionId]: ['waitlisted', 2] },
    ]);
    registered(await changeRegistration(t.db, b.id, inPerson(hall, [])));
    expect((await standing(c.id)).sessions).toEqual({ [hall.sessionId]: ['waitlisted', 1] });
    registered(await changeRegistration(t.db, a.id, inPerson(hall, [])));
    expect((await standing(c.id)).sessions).toEqual({ [hall.sessionId]: ['confirmed', null] });
    expect(await seatCount(hall.sessionId)).toBe(1);
    expect(await promotedMails([c.id])).toEqual([1]);
    // The change mail takes a dropped session out of the registrant's calendar (one cancel entry for it).
    const changed = await t.db
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.registrationId, a.id), eq(outbox.kind, 'registration.changed')))
      .orderBy(outbox.createdAt);
    const cancels = changed.map((m) => (m.payload as { cancel: unknown[] }).cancel);
    expect(cancels.map((c) => c.length)).toEqual([0, 1]);
    expect(JSON.stringify(cancels[1])).toContain(hall.sessionId);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('a change that keeps a session keeps its seat or its place in line; only what is dropped is handed on', async () => {
    const hall = await smallVenue('keep', null, 1);
    const other = await addSeatedSession(t.db, { eventSlug: EVENT, venueSlug: 'keep-hall', sessionSlug: 'keep-other', capacity: 5 });
    const seated = await register('keep-seated', hall, [hall.sessionId]);
    const waiting = await register('keep-waiting', hall, [hall.sessionId]);
    registered(await changeRegistration(t.db, waiting.id, inPerson(hall, [hall.sessionId, other.sessionId])));
    registered(await changeRegistration(t.db, seated.id, inPerson(hall, [hall.sessionId, other.sessionId])));
    expect(await standing(seated.id)).toEqual({
      venue: ['confirmed', null],
      sessions: { [hall.sessionId]: ['confirmed', null], [other.sessionId]: ['confirmed', null] },
    });
    expect((await standing(waiting.id)).sessions).toEqual({ [hall.sessionId]: ['waitlisted', 1], [other.sessionId]: ['confirmed', null] });
    expect([await seatCount(hall.sessionId), await seatCount(other.sessionId)]).toEqual([1, 2]);
    expect(await promotedMails([waiting.id])).toEqual([0]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('the change mail takes out of the calendar only the sessions no longer chosen, not one kept without its seat', async () => {
    const hall = await smallVenue('kept-online', 1, 1);
    const switcher = await register('kept-online-switcher', hall, [hall.sessionId]);
    registered(await changeRegistration(t.db, switcher.id, { mode: 'online', venue: null, sessions: [hall.sessionId] }));
    const [changed] = await t.db
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.registrationId, switcher.id), eq(outbox.kind, 'registration.changed')));
    expect((changed!.payload as { cancel: unknown[] }).cancel).toEqual([]);
  });

  it('whoever is promoted gets a mail and their calendar entries a new SEQUENCE; the rest of the line keeps theirs', async () => {
    const hall = await smallVenue('promoted-sequence', null, 1);
    const leaving = await register('promoted-sequence-leaving', hall, [hall.sessionId]);
    const first = await register('promoted-sequence-first', hall, [hall.sessionId]);
    const second = await register('promoted-sequence-second', hall, [hall.sessionId]);
    const sequenceOf = async (id: string) => (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!.sequence;
    const before = [await sequenceOf(first.id), await sequenceOf(second.id)];
    registered(await cancelRegistration(t.db, leaving.id));
    expect((await standing(first.id)).sessions).toEqual({ [hall.sessionId]: ['confirmed', null] });
    expect((await standing(second.id)).sessions).toEqual({ [hall.sessionId]: ['waitlisted', 1] });
    expect([await sequenceOf(first.id), await sequenceOf(second.id)]).toEqual([before[0]! + 1, before[1]]);
    expect(await promotedMails([first.id, second.id])).toEqual([1, 0]);
  });

  it('a change of something that is not there is refused: an invalid choice, or no such registration', async () => {
    const hall = await smallVenue('refused-change', null, 1);
    const r = await register('refused-change-r', hall, [hall.sessionId]);
    expect(await changeRegistration(t.db, r.id, { mode: 'in_person', venue: null, sessions: [] })).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { venue: expect.any(String) },
    });
    expect(await changeRegistration(t.db, '00000000-0000-4000-8000-000000000000', inPerson(hall, []))).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such registration',
    });
    expect(await cancelRegistration(t.db, '00000000-0000-4000-8000-000000000000')).toEqual({
      ok: false,
      code: 'not-found',
      error: 'No such registration',
    });
    expect(await standing(r.id)).toEqual({ venue: ['confirmed', null], sessions: { [hall.sessionId]: ['confirmed', null] } });
  });

  it('cancelling frees the venue place and every seat at once, each to the first in line who may take it', async () => {
    const hall = await smallVenue('cancel', 2, 1);
    const second = await addSeatedSession(t.db, { eventSlug: EVENT, venueSlug: 'cancel-hall', sessionSlug: 'cancel-second', capacity: 1 });
    const leaving = await register('cancel-leaving', hall, [hall.sessionId, second.sessionId]);
    const stays = await register('cancel-stays', hall, [hall.sessionId]);
    const waiting = await register('cancel-waiting', hall, [second.sessionId]);
    expect((await standing(waiting.id)).venue).toEqual(['waitlisted', 1]);

    registered(await cancelRegistration(t.db, leaving.id));
    expect((await standing(leaving.id)).venue).toEqual(['cancelled', null]);
    expect((await standing(leaving.id)).sessions).toEqual({});
    expect(await standing(stays.id)).toEqual({ venue: ['confirmed', null], sessions: { [hall.sessionId]: ['confirmed', null] } });
    expect(await standing(waiting.id)).toEqual({ venue: ['confirmed', null], sessions: { [second.sessionId]: ['confirmed', null] } });
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('a cancelled registration is neither changed nor cancelled again: it takes no place or seat, and gets no second mail', async () => {
    const hall = await smallVenue('after-cancel', 1, 1);
    const gone = await register('after-cancel-gone', hall, [hall.sessionId]);
    const row = async () => (await t.db.select().from(registrations).where(eq(registrations.id, gone.id)))[0]!;
    const sequence = (await row()).sequence;
    registered(await cancelRegistration(t.db, gone.id));
    // The calendar's SEQUENCE moves on once, with the cancellation.
    expect(await row()).toMatchObject({ status: 'cancelled', sequence: sequence + 1, waitlistPosition: null });
    expect((await row()).cancelledAt).toBeInstanceOf(Date);
    const cancelledStanding = { venue: ['cancelled', null], sessions: {} };
    expect(await standing(gone.id)).toEqual(cancelledStanding);

    expect(await changeRegistration(t.db, gone.id, inPerson(hall, [hall.sessionId]))).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { registration: 'registrationCancelled' },
    });
    expect(await changeRegistration(t.db, gone.id, { mode: 'online', venue: null, sessions: [hall.sessionId] })).toMatchObject({
      ok: false,
      fields: { registration: 'registrationCancelled' },
    });
    // Cancelling again answers with the cancelled registration; the organiser is told it already is.
    expect(registered(await cancelRegistration(t.db, gone.id)).status).toBe('cancelled');
    expect(await cancelRegistrationAsOrganiser(t.db, organiser, EVENT, gone.id)).toEqual({
      ok: false,
      code: 'conflict',
      error: 'This registration is already cancelled',
    });
    expect(await standing(gone.id)).toEqual(cancelledStanding);
    expect((await row()).sequence).toBe(sequence + 1);
    expect([await venueCount(hall.venueId), await seatCount(hall.sessionId)]).toEqual([0, 0]);
    const mails = await t.db.select({ kind: outbox.kind }).from(outbox).where(eq(outbox.registrationId, gone.id));
    expect(mails.map((m) => m.kind).sort()).toEqual(['registration.cancelled', 'registration.confirmed']);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('a relay choice moves with the venue: dropping the venue keeps the relayed session online, and no seat where it is held changes hands', async () => {
    const origin = await smallVenue('relay-move-origin', null, 1);
    const screen = await smallVenue('relay-move-screen', 3, 1);
    await t.db.insert(sessionRelays).values({ sessionId: origin.sessionId, venueId: screen.venueId });
    const watcher = await register('relay-move-watcher', screen, [origin.sessionId]);
    expect(await standing(watcher.id)).toEqual({ venue: ['confirmed', null], sessions: { [origin.sessionId]: ['confirmed', null] } });
    registered(await changeRegistration(t.db, watcher.id, inPerson(origin, [origin.sessionId])));
    expect(await standing(watcher.id)).toEqual({ venue: ['confirmed', null], sessions: { [origin.sessionId]: ['confirmed', null] } });
    expect([await seatCount(origin.sessionId), await venueCount(screen.venueId)]).toEqual([1, 0]);
    registered(await changeRegistration(t.db, watcher.id, inPerson(screen, [origin.sessionId])));
    expect([await seatCount(origin.sessionId), await venueCount(screen.venueId)]).toEqual([0, 1]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });
});

describe(`seat moves at the same time as registrations and cancellations (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('registrations from four app instances, cancellations, organiser cancels and promotions, venue, mode and session changes all at once keep every seat invariant', async () => {
    const v = await smallVenue('mix-v', 4, 2);
    const v2 = await addSeatedSession(t.db, { eventSlug: EVENT, venueSlug: 'mix-v-hall', sessionSlug: 'mix-v-second', capacity: 3 });
    const w = await smallVenue('mix-w', 3, 2);
    await t.db.insert(sessionRelays).values({ sessionId: v.sessionId, venueId: w.venueId });
    const atV = [[v.sessionId], [v2.sessionId], [v.sessionId, v2.sessionId], []];
    const before = [];
    for (let i = 0; i < 10; i++) before.push(await register(`mix-v${i}`, v, atV[i % 4]!));
    for (let i = 0; i < 6; i++) before.push(await register(`mix-w${i}`, w, i % 2 ? [w.sessionId] : [w.sessionId, v.sessionId]));
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);

    const instances = Array.from({ length: 4 }, () => new RegistrationBatches(t.db));
    const [v0, v1, v2r, v3, v4, v5, v6, v7, v8, v9, w0, w1, w2, w3, , w5] = before.map((r) => r.id);
    const ops: Promise<RegistrationOutcome | { ok: boolean; error?: string }>[] = [
      ...Array.from({ length: 12 }, (_, i) =>
        registerAttendee(
          t.db,
          EVENT,
          i % 3
            ? person(`mix-new${i}`, { venue: i % 2 ? v.venueSlug : w.venueSlug, sessions: i % 2 ? atV[i % 4]! : [w.sessionId] })
            : person(`mix-new${i}`, { mode: 'online', venue: null, sessions: [v.sessionId] }),
          {
            now,
            batches: i % 4 === 3 ? new RegistrationBatches(t.db) : instances[i % 4],
          },
        ),
      ),
      cancelRegistration(t.db, v0!),
      cancelRegistration(t.db, v1!),
      cancelRegistration(t.db, v6!),
      cancelRegistrationAsOrganiser(t.db, organiser, EVENT, w0!),
      cancelRegistrationAsOrganiser(t.db, organiser, EVENT, v9!),
      changeRegistration(t.db, v2r!, inPerson(w, [w.sessionId, v.sessionId])),
      changeRegistration(t.db, v3!, { mode: 'online', venue: null, sessions: [v.sessionId, v2.sessionId] }),
      changeRegistration(t.db, v4!, inPerson(v, [v.sessionId, v2.sessionId])),
      changeRegistration(t.db, v5!, inPerson(v, [])),
      changeRegistration(t.db, w1!, inPerson(v, [v.sessionId])),
      changeRegistration(t.db, w2!, { mode: 'online', venue: null, sessions: [w.sessionId] }),
      changeRegistration(t.db, w3!, inPerson(w, [])),
      changeRegistration(t.db, v8!, inPerson(w, [v.sessionId])),
      promoteAtVenue(t.db, organiser, EVENT, w5!),
      promoteAtVenue(t.db, organiser, EVENT, v7!),
    ];
    const settled = await Promise.allSettled(ops);
    const failures = settled.flatMap((s, i) =>
      s.status === 'rejected' ? [`op ${i}: ${String((s.reason as { cause?: unknown }).cause ?? s.reason)}`] : [],
    );
    expect(failures).toEqual([]);
    const answers = settled.map((s) => (s.status === 'fulfilled' ? s.value : null));
    // Registrations, cancellations and changes all succeed; an organiser's promotion either succeeds
    // or is refused for want of a free place (or because the registrant was admitted meanwhile).
    expect(answers.slice(0, 25).flatMap((a, i) => (a!.ok ? [] : [`op ${i}: ${JSON.stringify(a)}`]))).toEqual([]);
    for (const promotion of answers.slice(25)) {
      if (!promotion!.ok) expect((promotion as { error: string }).error).toMatch(/No seat is free|not on a venue waitlist/);
    }
    expect((await standing(v0!)).venue[0]).toBe('cancelled');
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });
});

describe.runIf(usingPostgres)('a registration changed between the plan of a move and its locks (PostgreSQL)', () => {
  /** A seat lock that lets `meanwhile` commit in its own transaction before the first locks are taken. */
  function interferingLock(meanwhile: () => Promise<unknown>): { lock: SeatLock; calls: () => number } {
    let calls = 0;
    return {
      lock: async (tx, ask) => {
        calls += 1;
        if (calls === 1) await meanwhile();
        return lockSeats(tx, ask);
      },
      calls: () => calls,
    };
  }

  it('another change of the same registration in between: the move is planned again from what it holds now', async () => {
    const hall = await smallVenue('meanwhile-sessions', null, 2);
    const other = await addSeatedSession(t.db, {
      eventSlug: EVENT,
      venueSlug: 'meanwhile-sessions-hall',
      sessionSlug: 'meanwhile-other',
      capacity: 2,
    });
    const r = await register('meanwhile-sessions-r', hall, [hall.sessionId]);
    // Planned while it held the first session; by the time it locks, it holds nothing (status unchanged).
    const gate = interferingLock(async () => registered(await changeRegistration(t.db, r.id, inPerson(hall, []))));
    registered(await changeRegistration(t.db, r.id, inPerson(hall, [hall.sessionId, other.sessionId]), { lock: gate.lock }));
    expect(gate.calls()).toBe(2);
    expect(await standing(r.id)).toEqual({
      venue: ['confirmed', null],
      sessions: { [hall.sessionId]: ['confirmed', null], [other.sessionId]: ['confirmed', null] },
    });
    expect([await seatCount(hall.sessionId), await seatCount(other.sessionId)]).toEqual([1, 1]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('a cancellation in between: the change is refused and takes no seat', async () => {
    const hall = await smallVenue('meanwhile-cancel', null, 2);
    const r = await register('meanwhile-cancel-r', hall, []);
    const gate = interferingLock(async () => registered(await cancelRegistration(t.db, r.id)));
    expect(await changeRegistration(t.db, r.id, inPerson(hall, [hall.sessionId]), { lock: gate.lock })).toMatchObject({
      ok: false,
      fields: { registration: 'registrationCancelled' },
    });
    expect(await standing(r.id)).toEqual({ venue: ['cancelled', null], sessions: {} });
    expect([await venueCount(hall.venueId), await seatCount(hall.sessionId)]).toEqual([0, 0]);
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });
});

describe.runIf(usingPostgres)('seat moves with the race forced, with and without the seat lock (PostgreSQL)', () => {
  /**
   * Eight admitted registrants add the same session, with one free seat, at once; eight more move
   * to a venue with one free place, at once (helpers/seat-race.ts: every transaction reads the seats,
   * then waits for the others before writing).
   */
  async function forcedMoves(read: SeatLock, tag: string) {
    const crowd = 8;
    const tally = (list: string[]) => Object.fromEntries([...new Set(list)].sort().map((o) => [o, list.filter((x) => x === o).length]));
    const hall = await smallVenue(`${tag}-add`, null, 1);
    const adders = [];
    for (let i = 0; i < crowd; i++) adders.push(await register(`${tag}-adder${i}`, hall, []));
    const addGate = seatGate(read, crowd);
    const added = await Promise.allSettled(
      adders.map((r) => changeRegistration(t.db, r.id, inPerson(hall, [hall.sessionId]), { lock: addGate.lock })),
    );

    const from = await smallVenue(`${tag}-from`, null, 1);
    const to = await smallVenue(`${tag}-to`, 1, 1);
    const movers = [];
    for (let i = 0; i < crowd; i++) movers.push(await register(`${tag}-mover${i}`, from, []));
    const moveGate = seatGate(read, crowd);
    const moved = await Promise.allSettled(movers.map((r) => changeRegistration(t.db, r.id, inPerson(to, []), { lock: moveGate.lock })));
    const line = async (ids: string[]) =>
      (await Promise.all(ids.map(standing)))
        .map((s) => s.venue)
        .filter(([status]) => status === 'waitlisted')
        .map(([, p]) => p)
        .sort();
    const sessionLine = async (ids: string[], sessionId: string) =>
      (await Promise.all(ids.map(standing)))
        .flatMap((s) => (s.sessions[sessionId]?.[0] === 'waitlisted' ? [s.sessions[sessionId]![1]] : []))
        .sort();
    return {
      addSession: {
        outcomes: tally(outcomes(added)),
        mostAtOnce: addGate.mostAtOnce(),
        seats: await seatCount(hall.sessionId),
        line: await sessionLine(
          adders.map((r) => r.id),
          hall.sessionId,
        ),
      },
      moveVenue: {
        outcomes: tally(outcomes(moved)),
        mostAtOnce: moveGate.mostAtOnce(),
        places: await venueCount(to.venueId),
        line: await line(movers.map((r) => r.id)),
      },
    };
  }

  it('with the lock: one takes the seat or place, seven wait in line in order', async () => {
    expect(await forcedMoves(lockSeats, 'moves-locked')).toEqual({
      addSession: { outcomes: { ok: 8 }, mostAtOnce: 1, seats: 1, line: [1, 2, 3, 4, 5, 6, 7] },
      moveVenue: { outcomes: { ok: 8 }, mostAtOnce: 1, places: 1, line: [1, 2, 3, 4, 5, 6, 7] },
    });
    expect(await seatInvariantBreaches(t.db, eventId)).toEqual([]);
  });

  it('without the lock (negative control): all eight read the one free seat or place and seven oversells are refused by the CHECK', async () => {
    expect(await forcedMoves(readSeatsWithoutLocking, 'moves-unlocked')).toEqual({
      addSession: { outcomes: { ok: 1, sessions_confirmed_ck: 7 }, mostAtOnce: 8, seats: 1, line: [] },
      moveVenue: { outcomes: { ok: 1, venues_confirmed_ck: 7 }, mostAtOnce: 8, places: 1, line: [] },
    });
  });
});
