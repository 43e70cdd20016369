import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, outbox, registrations } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { registerAttendee } from '@/lib/registration/register';
import type { PreparedRegistration } from '@/lib/registration/record-registrations';
import { RegistrationBatches } from '@/lib/registration/registration-batches';
import type { RegistrationOutcome } from '@/lib/registration/result';
import { lockSeats, type SeatLock } from '@/lib/registration/seats';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, seatsOf } from '../helpers/registration';
import { addSeatedSession, seatedRegistration } from '../helpers/seated-session';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 40 });
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

describe(`registrations written in batches (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('one registration that breaks its batch fails alone; the others are written once each, seats and waitlist exact', async () => {
    const hall = await addSeatedSession(t.db, { eventSlug: EVENT, venueSlug: 'batch-hall', sessionSlug: 'batch-seated', capacity: 10 });
    const poison = await addSeatedSession(t.db, { eventSlug: EVENT, venueSlug: 'batch-hall', sessionSlug: 'batch-poison', capacity: 10 });
    const batchSizesWithPoison: number[] = [];
    // Stands in for anything that makes a transaction fail because of one registration in it.
    const lock: SeatLock = (tx, request) => {
      if (!request.sessionIds.includes(poison.sessionId)) return lockSeats(tx, request);
      batchSizesWithPoison.push(request.sessionIds.filter((id) => id === hall.sessionId).length);
      return Promise.reject(new Error('this registration cannot be written'));
    };
    // Holds every registration until all 42 have been checked, then hands them on at once, the
    // poisoned one last: the first is written alone and the other 41 wait for the next batch together.
    class GatheringBatches extends RegistrationBatches {
      private held: { registration: PreparedRegistration; answer: (result: Promise<RegistrationOutcome>) => void }[] = [];
      override submit(registration: PreparedRegistration): Promise<RegistrationOutcome> {
        return new Promise((answer) => {
          this.held.push({ registration, answer });
          if (this.held.length < 42) return;
          const poisoned = (r: PreparedRegistration) => Number(r.input.sessions.includes(poison.sessionId));
          for (const held of this.held.sort((a, b) => poisoned(a.registration) - poisoned(b.registration)))
            held.answer(super.submit(held.registration));
        });
      }
    }
    const batches = new GatheringBatches(t.db, lock);
    const register = (body: object) => registerAttendee(t.db, EVENT, body, { now, batches });

    const first = register(seatedRegistration(hall, 0, 'batch'));
    const others = Array.from({ length: 40 }, (_, i) => register(seatedRegistration(hall, i + 1, 'batch')));
    // Its failure is read at once: it may come before the others are answered.
    const broken = register({ ...seatedRegistration(hall, 'poison', 'batch'), sessions: [hall.sessionId, poison.sessionId] }).then(
      () => 'written',
      (error: Error) => error.message,
    );
    const results = await Promise.all([first, ...others]);
    expect(await broken).toBe('this registration cannot be written');

    // The poisoned registration was tried in a batch with the 40 others behind the first, then alone.
    expect(batchSizesWithPoison).toEqual([41, 1]);

    expect(results.map((r) => r.ok)).toEqual(Array.from({ length: 41 }, () => true));
    const seats = await seatsOf(t.db, hall.sessionId);
    expect(seats.confirmed).toHaveLength(10);
    expect(seats.counter).toBe(10);
    expect(seats.waitlisted.map((s) => s.waitlistPosition)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    // Waitlist places follow the order in which registrations were answered, and each answer is what was stored.
    const answered = results.flatMap((r) => (r.ok ? r.registration.sessions : []));
    expect(answered.filter((s) => s.status === 'confirmed')).toHaveLength(10);
    expect(
      answered
        .filter((s) => s.status === 'waitlisted')
        .map((s) => s.position)
        .sort((a, b) => a! - b!),
    ).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));

    const stored = await t.db
      .select({ id: registrations.id, email: registrations.email })
      .from(registrations)
      .where(eq(registrations.venueId, hall.venueId));
    expect(stored).toHaveLength(41);
    expect(stored.some((r) => r.email.includes('poison'))).toBe(false);
    const mails = await t.db
      .select({ registrationId: outbox.registrationId })
      .from(outbox)
      .where(
        inArray(
          outbox.registrationId,
          stored.map((r) => r.id),
        ),
      );
    expect(mails).toHaveLength(41);
    expect(new Set(mails.map((m) => m.registrationId)).size).toBe(41);

    // One audit entry each, written by the batch's own statement, with the standing stored.
    const statuses = await t.db
      .select({ id: registrations.id, status: registrations.status })
      .from(registrations)
      .where(eq(registrations.venueId, hall.venueId));
    const entries = await t.db
      .select({
        entityId: auditLog.entityId,
        action: auditLog.action,
        entity: auditLog.entity,
        details: auditLog.details,
        actor: auditLog.actorUserId,
      })
      .from(auditLog)
      .where(
        inArray(
          auditLog.entityId,
          stored.map((r) => r.id),
        ),
      );
    expect(entries).toHaveLength(41);
    expect(entries.every((e) => e.action === 'registration.create' && e.entity === 'registration' && e.actor === null)).toBe(true);
    expect(Object.fromEntries(entries.map((e) => [e.entityId, (e.details as { status: string }).status]))).toEqual(
      Object.fromEntries(statuses.map((r) => [r.id, r.status])),
    );
  });

  it('ten app instances, each with its own batches, still confirm exactly the seats there are', async () => {
    const hall = await addSeatedSession(t.db, {
      eventSlug: EVENT,
      venueSlug: 'instances-hall',
      sessionSlug: 'instances-seated',
      capacity: 25,
    });
    const instances = Array.from({ length: 10 }, () => new RegistrationBatches(t.db));
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        registerAttendee(t.db, EVENT, seatedRegistration(hall, i, 'instances'), { now, batches: instances[i % 10] }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const seats = await seatsOf(t.db, hall.sessionId);
    expect(seats.confirmed).toHaveLength(25);
    expect(seats.counter).toBe(25);
    expect(seats.waitlisted.map((s) => s.waitlistPosition)).toEqual(Array.from({ length: 175 }, (_, i) => i + 1));
  });

  it('the same address twice at once: one registration, the other found already registered, and one mail (the confirmation carries the manage link)', async () => {
    const hall = await addSeatedSession(t.db, { eventSlug: EVENT, venueSlug: 'twice-hall', sessionSlug: 'twice-seated', capacity: 5 });
    const batches = new RegistrationBatches(t.db);
    const opener = registerAttendee(t.db, EVENT, seatedRegistration(hall, 'opener', 'twice'), { now, batches });
    const same = seatedRegistration(hall, 'same', 'twice');
    const twice = await Promise.all([
      opener,
      registerAttendee(t.db, EVENT, same, { now, batches }),
      registerAttendee(t.db, EVENT, same, { now, batches }),
    ]);
    expect(twice.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['conflict', 'ok', 'ok']);
    const stored = await t.db.select({ id: registrations.id }).from(registrations).where(eq(registrations.email, same.email));
    expect(stored).toHaveLength(1);
    const mails = await t.db.select({ kind: outbox.kind }).from(outbox).where(eq(outbox.registrationId, stored[0]!.id));
    expect(mails.map((m) => m.kind).sort()).toEqual(['registration.confirmed']);
  });
});
