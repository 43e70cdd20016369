import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, registrations, venues } from '@/db/schema';
import { seedDemoForum } from '@/db/seed/seed';
import { cancelRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { RegistrationBatches } from '@/lib/registration/registration-batches';
import { readSeatsWithoutLocking } from '@/lib/registration/seats';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { addSeatedSession, seatedRegistration } from '../helpers/seated-session';
import { EVENT, person, seatsOf, sessionBySlug, venueBySlug, waitlistedAt } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 40 });
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

describe(`capacity under concurrency (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('300 concurrent registrations for a 30-seat session confirm exactly 30 and waitlist 270 in positions 1..270', async () => {
    const workshop = await sessionBySlug(t.db, 'young-scientists-workshop');
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) => registerAttendee(t.db, EVENT, person(`ws${i}`, { sessions: [workshop] }), { now })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(300);
    const seats = await seatsOf(t.db, workshop);
    expect(seats.confirmed).toHaveLength(30);
    expect(seats.counter).toBe(30);
    expect(seats.waitlisted.map((s) => s.waitlistPosition)).toEqual(Array.from({ length: 270 }, (_, i) => i + 1));
    // Each answer told the truth about the seat it got.
    const answered = results.flatMap((r) => (r.ok ? r.registration.sessions : []));
    expect(answered.filter((s) => s.status === 'confirmed')).toHaveLength(30);
    // Every committed registration has exactly one mail.
    const mails = await t.db.select({ registrationId: outbox.registrationId }).from(outbox);
    expect(new Set(mails.map((m) => m.registrationId)).size).toBe(mails.length);
    expect(mails.length).toBe(300);
  });

  it('registrations for a session already full when they arrive get the next waitlist places, in order, without gaps or repeats', async () => {
    // These read the waitlist tail in the same round trip as the lock (the session was full when
    // their choices were loaded); the first wave read it after the lock.
    const seated = await addSeatedSession(t.db, { eventSlug: EVENT, venueSlug: 'full-hall', sessionSlug: 'full-from-the-start', capacity: 5 });
    const register = (tag: string, n: number) =>
      Promise.all(Array.from({ length: n }, (_, i) => registerAttendee(t.db, EVENT, seatedRegistration(seated, i, tag), { now })));
    await register('first-wave', 8);
    const second = await register('second-wave', 120);
    expect(second.every((r) => r.status === 201)).toBe(true);
    const seats = await seatsOf(t.db, seated.sessionId);
    expect(seats.confirmed).toHaveLength(5);
    expect(seats.waitlisted.map((s) => s.waitlistPosition)).toEqual(Array.from({ length: 123 }, (_, i) => i + 1));
    const answered = second.flatMap((r) => (r.ok ? r.registration.sessions.map((s) => s.position) : [])).sort((a, b) => a! - b!);
    expect(answered).toEqual(Array.from({ length: 120 }, (_, i) => i + 4));
  });

  it.skipIf(!usingPostgres)('fails without the seat lock (negative control: the test can catch a race)', async () => {
    // PGlite runs one transaction at a time on its single connection, so there is no race to catch there.
    const lightning = await sessionBySlug(t.db, 'young-scientists-lightning-talks'); // 150 seats
    // Ten app instances: each writes its own batches, so only the database can keep them apart.
    const instances = Array.from({ length: 10 }, () => new RegistrationBatches(t.db, readSeatsWithoutLocking));
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, (_, i) =>
        registerAttendee(t.db, EVENT, person(`nolock${i}`, { sessions: [lightning] }), { now, batches: instances[i % instances.length] }),
      ),
    );
    const seats = await seatsOf(t.db, lightning);
    const positions = seats.waitlisted.map((s) => s.waitlistPosition);
    const allSucceeded = results.every((r) => r.status === 'fulfilled' && r.value.status === 201);
    const exact = seats.confirmed.length === 150 && positions.length === 150 && positions.every((p, i) => p === i + 1);
    // Without the lock, concurrent transactions read stale counts: the database refuses the
    // oversell (CHECK confirmed_count <= capacity) so requests fail, or waitlist places collide.
    expect(allSucceeded && exact).toBe(false);
    expect(seats.confirmed.length).toBeLessThanOrEqual(150);
  });

  it('never lets more people in person into a venue than it holds, and promotes the first in line when one cancels', async () => {
    const seoul = await venueBySlug(t.db, 'seoul');
    await t.db.update(venues).set({ capacity: 5 }).where(eq(venues.id, seoul.id));
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => registerAttendee(t.db, EVENT, person(`seoul${i}`, { venue: 'seoul' }), { now })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    const confirmed = await t.db.select().from(registrations).where(eq(registrations.venueId, seoul.id));
    expect(confirmed.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    const waiting = (await waitlistedAt(t.db, seoul.id)).sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    expect(waiting.map((w) => w.waitlistPosition)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const [after] = await t.db.select().from(venues).where(eq(venues.id, seoul.id));
    expect(after!.confirmedCount).toBe(5);

    const leaving = confirmed.find((r) => r.status === 'confirmed')!;
    await cancelRegistration(t.db, leaving.id);
    const [promoted] = await t.db.select().from(registrations).where(eq(registrations.id, waiting[0]!.id));
    expect(promoted!.status).toBe('confirmed');
    const rest = (await waitlistedAt(t.db, seoul.id)).sort((a, b) => a.waitlistPosition! - b.waitlistPosition!);
    expect(rest.map((w) => [w.id, w.waitlistPosition])).toEqual(waiting.slice(1).map((w, i) => [w.id, i + 1]));
    const promotedMail = await t.db.select().from(outbox).where(eq(outbox.registrationId, waiting[0]!.id));
    expect(promotedMail.map((m) => m.kind).sort()).toEqual(['registration.promoted', 'registration.waitlisted']);
  });

  it('cancelling a confirmed seat promotes the first in the session waitlist and moves everyone up', async () => {
    const workshop = await sessionBySlug(t.db, 'young-scientists-workshop');
    const before = await seatsOf(t.db, workshop);
    const [first, second] = before.waitlisted;
    await cancelRegistration(t.db, before.confirmed[0]!.registrationId);
    const after = await seatsOf(t.db, workshop);
    expect(after.confirmed).toHaveLength(30);
    expect(after.counter).toBe(30);
    expect(after.confirmed.map((s) => s.registrationId)).toContain(first!.registrationId);
    expect(after.waitlisted[0]!.registrationId).toBe(second!.registrationId);
    expect(after.waitlisted.map((s) => s.waitlistPosition)).toEqual(Array.from({ length: 269 }, (_, i) => i + 1));
    // Cancelling someone on the waitlist closes the gap behind them.
    await cancelRegistration(t.db, after.waitlisted[9]!.registrationId);
    const gapless = await seatsOf(t.db, workshop);
    expect(gapless.waitlisted.map((s) => s.waitlistPosition)).toEqual(Array.from({ length: 268 }, (_, i) => i + 1));
  });
});

describe('one registration per email', () => {
  it('20 parallel submissions of one email create one registration; the rest get 409', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => registerAttendee(t.db, EVENT, person('same', { email: i % 2 ? 'Same.Person@Example.org' : 'same.person@example.org', mode: 'online', venue: null }), { now })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(19);
    const stored = await t.db.select().from(registrations).where(eq(registrations.email, 'same.person@example.org'));
    expect(stored).toHaveLength(1);
    const conflict = results.find((r) => r.status === 409)!;
    expect(JSON.stringify(conflict)).not.toContain(stored[0]!.id);
  });
});
