// Attendance reports: per venue, checked in at the desk against expected; per session, distinct
// people scanned at its door against its capacity; the CSV carries both with zone-labelled times.
// A venue manager sees only their venue; check-in staff get no report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoForum } from '@/lib/demo/seed';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { attendanceCsvResponse, attendanceReport } from '@/lib/checkin/attendance-report';
import { checkIn } from '@/lib/checkin/check-in';
import { scanAtSessionDoor } from '@/lib/checkin/session-door';
import { undoCheckIn } from '@/lib/checkin/undo';
import { registerAttendee } from '@/lib/registration/register';
import { ticketCode } from '@/lib/tickets/ticket';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug, venueBySlug } from '../helpers/registration';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let bangkokDesk: Actor;
let bangkokManager: Actor;

async function register(n: string, venue: string) {
  const result = await registerAttendee(t.db, EVENT, person(n, { venue }), { now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  const bangkok = (await venueBySlug(t.db, 'bangkok')).id;
  organiser = await actorFor(t.db, 'org@forum.test', { eventSlug: EVENT, role: 'organiser' });
  bangkokDesk = await actorFor(t.db, 'desk.bkk@forum.test', { eventSlug: EVENT, role: 'checkin', venueId: bangkok });
  bangkokManager = await actorFor(t.db, 'manager.bkk@forum.test', { eventSlug: EVENT, role: 'venue_manager', venueId: bangkok });
});
afterAll(() => t?.close());

describe(`attendance reports (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('counts check-ins per venue and door scans per session, once per person, an undone check-in not counted', async () => {
    const before = await attendanceReport(t.db, organiser, EVENT);
    const bangkokBefore = before.venues.find((v) => v.slug === 'bangkok')!;
    const pitch = await sessionBySlug(t.db, 'bangkok-healthtech-pitch');
    const pitchBefore = before.sessions.find((s) => s.id === pitch)!;

    const [a, b, c] = [await register('rep-a', 'bangkok'), await register('rep-b', 'bangkok'), await register('rep-c', 'bangkok')];
    await register('rep-n', 'nanning');
    for (const id of [a, b, c]) await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id));
    await undoCheckIn(t.db, bangkokDesk, EVENT, c);
    await scanAtSessionDoor(t.db, bangkokDesk, EVENT, pitch, ticketCode(a));
    await scanAtSessionDoor(t.db, bangkokDesk, EVENT, pitch, ticketCode(a));
    await scanAtSessionDoor(t.db, bangkokDesk, EVENT, pitch, ticketCode(b));

    const after = await attendanceReport(t.db, organiser, EVENT);
    const bangkokAfter = after.venues.find((v) => v.slug === 'bangkok')!;
    expect(bangkokAfter.expected - bangkokBefore.expected).toBe(3);
    expect(bangkokAfter.checkedIn - bangkokBefore.checkedIn).toBe(2);
    expect(after.sessions.find((s) => s.id === pitch)!.attended - pitchBefore.attended).toBe(2);
    expect(after.venues.map((v) => v.slug)).toContain('nanning');
  });

  it('the CSV has a row per venue and per session, times labelled with their zone', async () => {
    const response = await attendanceCsvResponse(t.db, organiser, EVENT, 'en');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Row,Venue,Session,Time,Capacity,Expected,Checked in or scanned');
    const report = await attendanceReport(t.db, organiser, EVENT);
    expect(lines).toHaveLength(1 + report.venues.length + report.sessions.length);
    const pitch = lines.find((l) => l.startsWith('session,') && l.includes('GMT+7'));
    expect(pitch).toMatch(/\d{2}:\d{2}–\d{2}:\d{2} Bangkok, GMT\+7/);
  });

  it('a venue manager sees only their venue; check-in staff and strangers get no report', async () => {
    const scoped = await attendanceReport(t.db, bangkokManager, EVENT);
    expect(scoped.venues.map((v) => v.slug)).toEqual(['bangkok']);
    const bangkok = scoped.venues[0]!.id;
    expect(scoped.sessions.every((s) => s.venueId === bangkok)).toBe(true);
    await expect(attendanceReport(t.db, bangkokDesk, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(attendanceReport(t.db, null, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
  });
});
