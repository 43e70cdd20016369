// Scanning at a session's door: one attendance row per person and session however often the ticket
// is scanned; only people checked in at the venue; staff of one venue scan only their venue's
// sessions and learn nothing of another venue's ticket.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionAttendance } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import type { Actor } from '@/lib/auth/sessions';
import { checkIn } from '@/lib/checkin/check-in';
import { doorSessions, scanAtSessionDoor, scanDoorView } from '@/lib/checkin/session-door';
import { registerAttendee } from '@/lib/registration/register';
import { ticketCode } from '@/lib/tickets/ticket';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug, venueBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let bangkokDesk: Actor;
let organiser: Actor;

async function register(n: string, venue: string) {
  const result = await registerAttendee(t.db, EVENT, person(n, { venue }), { now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokDesk = await actorFor(t.db, 'desk.bkk@forum.test', {
    eventSlug: EVENT,
    role: 'checkin',
    venueId: (await venueBySlug(t.db, 'bangkok')).id,
  });
});
afterAll(() => t?.close());

describe(`session door (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('records a checked-in person once per session, says when on a second scan, and refuses the not yet admitted', async () => {
    const session = { id: await sessionBySlug(t.db, 'bangkok-healthtech-pitch') };
    const id = await register('door-1', 'bangkok');
    expect(await scanAtSessionDoor(t.db, bangkokDesk, EVENT, session.id, ticketCode(id))).toMatchObject({ outcome: 'not-admitted' });
    await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id));
    const at = new Date('2026-12-24T03:00:00Z');
    expect(await scanAtSessionDoor(t.db, bangkokDesk, EVENT, session.id, ticketCode(id), at)).toEqual({
      outcome: 'recorded',
      name: 'Participant door-1',
    });
    expect(await scanAtSessionDoor(t.db, bangkokDesk, EVENT, session.id, ticketCode(id))).toEqual({
      outcome: 'already',
      name: 'Participant door-1',
      at,
    });
    expect(await t.db.select().from(sessionAttendance).where(eq(sessionAttendance.registrationId, id))).toHaveLength(1);
  });

  it('staff of one venue: another venue’s session or ticket is unknown to them', async () => {
    const nanningPerson = await register('door-nn', 'nanning');
    await checkIn(t.db, organiser, EVENT, ticketCode(nanningPerson));
    const bangkokSession = await sessionBySlug(t.db, 'bangkok-healthtech-pitch');
    const nanningSession = await sessionBySlug(t.db, 'opening-ceremony');
    expect(await scanAtSessionDoor(t.db, bangkokDesk, EVENT, bangkokSession, ticketCode(nanningPerson))).toEqual({
      outcome: 'unknown-code',
    });
    expect(await scanAtSessionDoor(t.db, bangkokDesk, EVENT, nanningSession, ticketCode(nanningPerson))).toEqual({
      outcome: 'unknown-code',
    });
    expect(await t.db.select().from(sessionAttendance).where(eq(sessionAttendance.registrationId, nanningPerson))).toEqual([]);
    // The organiser records them at their own venue's session.
    expect((await scanAtSessionDoor(t.db, organiser, EVENT, nanningSession, ticketCode(nanningPerson))).outcome).toBe('recorded');
  });

  it('the door page lists only the staff member’s venue’s sessions, and each scan answers with the room’s count against its capacity', async () => {
    const bangkok = await venueBySlug(t.db, 'bangkok');
    const listed = await doorSessions(t.db, bangkokDesk, EVENT);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((s) => s.timeZone === bangkok.timeZone)).toBe(true);
    expect(listed.map((s) => s.id)).not.toContain(await sessionBySlug(t.db, 'opening-ceremony'));
    expect((await doorSessions(t.db, organiser, EVENT)).length).toBeGreaterThan(listed.length);

    const pitchId = await sessionBySlug(t.db, 'bangkok-healthtech-pitch');
    const pitch = listed.find((s) => s.id === pitchId)!;
    const id = await register('door-view', 'bangkok');
    await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id));
    const first = await scanDoorView(t.db, bangkokDesk, EVENT, pitch.id, ticketCode(id), new Date('2026-12-24T03:05:00Z'));
    expect(first).toMatchObject({
      outcome: 'recorded',
      name: 'Participant door-view',
      attended: pitch.attended + 1,
      capacity: pitch.capacity,
    });
    const again = await scanDoorView(t.db, bangkokDesk, EVENT, pitch.id, ticketCode(id));
    // The first entry's time in Bangkok, its offset named; the count does not move.
    expect(again).toMatchObject({ outcome: 'already', at: '2026-12-24 10:05 GMT+7', attended: pitch.attended + 1 });
    expect((await scanDoorView(t.db, bangkokDesk, EVENT, pitch.id, 'K7M2-9XQA')).outcome).toBe('unknown-code');
  });
});
