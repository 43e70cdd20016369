import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, registrations, venues } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { checkIn } from '@/lib/checkin/check-in';
import { cancelRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { ticketCode } from '@/lib/tickets/ticket';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let bangkokDesk: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'other-forum', firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokDesk = await actorFor(t.db, 'desk.bkk@forum.test', {
    eventSlug: EVENT,
    role: 'checkin',
    venueId: (await venueBySlug(t.db, 'bangkok')).id,
  });
});
afterAll(() => t?.close());

async function shortCodeOf(id: string) {
  const [row] = await t.db.select({ shortCode: registrations.shortCode }).from(registrations).where(eq(registrations.id, id));
  return row!.shortCode;
}

async function register(n: string, overrides: Record<string, unknown> = {}) {
  const result = await registerAttendee(t.db, EVENT, person(n, overrides), { now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

describe(`check-in (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('admits a ticket once; a second scan says when the person was admitted', async () => {
    const id = await register('ci-once', { venue: 'bangkok' });
    const first = await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id), { now: new Date('2026-12-24T01:30:00Z') });
    expect(first).toMatchObject({ outcome: 'checked-in', person: { name: 'Participant ci-once', venue: { slug: 'bangkok' } } });
    const second = await checkIn(t.db, organiser, EVENT, ticketCode(id), { now: new Date('2026-12-24T02:00:00Z') });
    expect(second).toMatchObject({ outcome: 'already', at: new Date('2026-12-24T01:30:00Z'), by: 'desk.bkk' });
    const [row] = await t.db.select().from(registrations).where(eq(registrations.id, id));
    expect(row).toMatchObject({ status: 'checked_in', checkedInBy: bangkokDesk.userId });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(
      audit
        .filter((a) => a.action === 'registration.check-in')
        .map(({ entity, details, actorUserId }) => ({ entity, details, actorUserId })),
    ).toEqual([{ entity: 'registration', details: { name: 'Participant ci-once', venue: 'bangkok' }, actorUserId: bangkokDesk.userId }]);
  });

  it('two desks scanning the same ticket at once record one check-in', async () => {
    const id = await register('ci-race', { venue: 'nanning' });
    const results = await Promise.all(Array.from({ length: 6 }, () => checkIn(t.db, organiser, EVENT, ticketCode(id))));
    expect(results.filter((r) => r.outcome === 'checked-in')).toHaveLength(1);
    expect(results.filter((r) => r.outcome === 'already')).toHaveLength(5);
  });

  it('venue staff admit only their own venue’s registrants; organisers admit anywhere', async () => {
    const nanning = await register('ci-nanning', { venue: 'nanning' });
    // The known leak, closed: another venue's ticket (QR or short code) tells nothing about its holder.
    expect(await checkIn(t.db, bangkokDesk, EVENT, ticketCode(nanning))).toEqual({ outcome: 'other-venue' });
    expect(await checkIn(t.db, bangkokDesk, EVENT, await shortCodeOf(nanning))).toEqual({ outcome: 'other-venue' });
    expect((await t.db.select().from(registrations).where(eq(registrations.id, nanning)))[0]!.checkedInAt).toBeNull();
    expect(await checkIn(t.db, organiser, EVENT, ticketCode(nanning))).toMatchObject({ outcome: 'checked-in' });
  });

  it('refuses forged codes, online and cancelled registrations', async () => {
    const online = await register('ci-online', { mode: 'online', venue: undefined });
    expect(await checkIn(t.db, organiser, EVENT, ticketCode(online))).toMatchObject({ outcome: 'not-admitted', status: 'online' });
    const code = ticketCode(await register('ci-forged', { venue: 'nanning' }));
    expect(await checkIn(t.db, organiser, EVENT, `${code.slice(0, -2)}xx`)).toEqual({ outcome: 'unknown-code' });
    expect(await checkIn(t.db, organiser, EVENT, 'HF1.not-a-ticket')).toEqual({ outcome: 'unknown-code' });
    expect(await checkIn(t.db, organiser, EVENT, `${'A'.repeat(10_000)}`)).toEqual({ outcome: 'unknown-code' });
  });

  it('does not admit a cancelled or waitlisted registration, and says which it is', async () => {
    const cancelled = await register('ci-cancelled', { venue: 'nanning' });
    expect((await cancelRegistration(t.db, cancelled)).ok).toBe(true);
    expect(await checkIn(t.db, organiser, EVENT, ticketCode(cancelled))).toMatchObject({
      outcome: 'not-admitted',
      status: 'cancelled',
      person: { name: 'Participant ci-cancelled', venue: { slug: 'nanning' } },
    });
    // A full venue: the next in-person registration waits for a place.
    const nanning = await venueBySlug(t.db, 'nanning');
    const [{ confirmedCount }] = (await t.db
      .select({ confirmedCount: venues.confirmedCount })
      .from(venues)
      .where(eq(venues.id, nanning.id))) as [{ confirmedCount: number }];
    await t.db.update(venues).set({ capacity: confirmedCount }).where(eq(venues.id, nanning.id));
    try {
      const waiting = await register('ci-waiting', { venue: 'nanning' });
      expect(await checkIn(t.db, organiser, EVENT, ticketCode(waiting))).toMatchObject({ outcome: 'not-admitted', status: 'waitlisted' });
      for (const id of [cancelled, waiting]) {
        const [row] = await t.db.select().from(registrations).where(eq(registrations.id, id));
        expect(row!.checkedInAt).toBeNull();
      }
    } finally {
      await t.db.update(venues).set({ capacity: nanning.capacity }).where(eq(venues.id, nanning.id));
    }
  });

  it('desk staff for the whole event, and organisers even when listed for one venue, admit at any venue', async () => {
    const eventDesk = await actorFor(t.db, 'desk.all@forum.test', { eventSlug: EVENT, role: 'checkin' });
    const bangkokOrganiser = await actorFor(t.db, 'org.bkk@forum.test', {
      eventSlug: EVENT,
      role: 'organiser',
      venueId: (await venueBySlug(t.db, 'bangkok')).id,
    });
    const first = await register('ci-any-1', { venue: 'nanning' });
    const second = await register('ci-any-2', { venue: 'nanning' });
    expect(await checkIn(t.db, eventDesk, EVENT, ticketCode(first))).toMatchObject({ outcome: 'checked-in' });
    expect(await checkIn(t.db, bangkokOrganiser, EVENT, ticketCode(second))).toMatchObject({ outcome: 'checked-in' });
  });

  it('refuses anonymous users, attendees, speakers and organisers of another event', async () => {
    const id = await register('ci-authz', { venue: 'nanning' });
    const attendee = await actorFor(t.db, 'someone@example.org');
    const speaker = await actorFor(t.db, 'speaker@forum.test', { eventSlug: EVENT, role: 'speaker' });
    const stranger = await actorFor(t.db, 'org@other.test', { eventSlug: 'other-forum', role: 'organiser' });
    for (const actor of [null, attendee, speaker, stranger]) {
      await expect(checkIn(t.db, actor, EVENT, ticketCode(id))).rejects.toBeInstanceOf(AuthorizationError);
    }
    // A ticket of this event is unknown at the other event's desk.
    expect(await checkIn(t.db, stranger, 'other-forum', ticketCode(id))).toEqual({ outcome: 'unknown-code' });
    expect((await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!.checkedInAt).toBeNull();
  });
});
