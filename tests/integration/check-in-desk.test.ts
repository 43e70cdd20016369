// The desk beyond the scan: short codes, undo (audited), resent scans from an offline queue, the
// venue's count for today, and two desks admitting one person at the same moment. The race is
// forced: each check-in reads the holder, then waits until the other has read too (or a short
// while) before admitting. With the conditional update exactly one admits; the negative control
// (an admission that trusts its earlier read, PostgreSQL only: PGlite runs one transaction at a time)
// admits twice, which is the double count the condition exists to prevent.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, checkInScans, registrations } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import type { Actor } from '@/lib/auth/sessions';
import { type Admit, admitOnce, checkIn, readHolder } from '@/lib/checkin/check-in';
import { deskSummary } from '@/lib/checkin/desk-summary';
import { normaliseShortCode, SHORT_CODE_ALPHABET } from '@/lib/tickets/short-code';
import { undoCheckIn } from '@/lib/checkin/undo';
import { registerAttendee } from '@/lib/registration/register';
import { ticketCode } from '@/lib/tickets/ticket';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, venueBySlug } from '../helpers/registration';
import { meetingGate, WAIT_ALONE_LOCKED_MS, WAIT_FOR_ALL_UNLOCKED_MS } from '../helpers/seat-race';

const now = new Date('2026-12-01T00:00:00Z');
let t: TestDatabase;
let organiser: Actor;
let bangkokDesk: Actor;
let secondDesk: Actor;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 20 });
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org@forum.test', { eventSlug: EVENT, role: 'organiser' });
  const bangkok = (await venueBySlug(t.db, 'bangkok')).id;
  bangkokDesk = await actorFor(t.db, 'desk.one@forum.test', { eventSlug: EVENT, role: 'checkin', venueId: bangkok });
  secondDesk = await actorFor(t.db, 'desk.two@forum.test', { eventSlug: EVENT, role: 'checkin', venueId: bangkok });
});
afterAll(() => t?.close());

async function register(n: string, overrides: Record<string, unknown> = {}) {
  const result = await registerAttendee(t.db, EVENT, person(n, overrides), { now });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}
async function row(id: string) {
  return (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0]!;
}

describe(`check-in desk (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('every registration has an 8-character short code without look-alikes, unique in the event', async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => register(`sc-${i}`, { venue: 'bangkok' })));
    const codes = await Promise.all(ids.map(async (id) => (await row(id)).shortCode));
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-Z]{8}$/);
      for (const char of code) expect(SHORT_CODE_ALPHABET).toContain(char);
    }
    expect(new Set(codes).size).toBe(codes.length);
    // The database refuses a duplicate within an event.
    await expect(t.db.update(registrations).set({ shortCode: codes[0]! }).where(eq(registrations.id, ids[1]!))).rejects.toThrow();
  });

  it('a typed short code admits like the QR: any case, dashes and look-alikes forgiven; a near miss is unknown', async () => {
    const id = await register('sc-typed', { venue: 'bangkok' });
    const code = (await row(id)).shortCode;
    const typed = `${code.slice(0, 4).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')}-${code.slice(4)}`;
    expect(normaliseShortCode(typed)).toBe(code);
    const wrong = `${code.slice(0, 7)}${code[7] === 'A' ? 'B' : 'A'}`;
    expect(await checkIn(t.db, bangkokDesk, EVENT, wrong)).toEqual({ outcome: 'unknown-code' });
    expect(await checkIn(t.db, bangkokDesk, EVENT, typed)).toMatchObject({ outcome: 'checked-in', person: { registrationId: id } });
  });

  it('undo puts the person back to confirmed, is audited, and is refused for another venue’s registrant', async () => {
    const id = await register('undo-me', { venue: 'bangkok' });
    const nanning = await register('undo-nanning', { venue: 'nanning' });
    await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id));
    await checkIn(t.db, organiser, EVENT, ticketCode(nanning));
    expect(await undoCheckIn(t.db, bangkokDesk, EVENT, nanning)).toEqual({ outcome: 'unknown' });
    expect((await row(nanning)).status).toBe('checked_in');
    expect(await undoCheckIn(t.db, bangkokDesk, EVENT, id)).toEqual({ outcome: 'undone' });
    expect(await row(id)).toMatchObject({ status: 'confirmed', checkedInAt: null, checkedInBy: null });
    expect(await undoCheckIn(t.db, bangkokDesk, EVENT, id)).toEqual({ outcome: 'not-checked-in' });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'registration.check-in.undo')));
    expect(audit.map((a) => a.actorUserId)).toEqual([bangkokDesk.userId]);
    // Admitted again after the undo: a fresh check-in.
    expect((await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id))).outcome).toBe('checked-in');
  });

  it('a scan sent again with its key (the offline queue) never counts twice, even after an undo', async () => {
    const id = await register('queued', { venue: 'bangkok' });
    const scanKey = '6f1f2a8e-queued-scan';
    expect((await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id), { scanKey })).outcome).toBe('checked-in');
    expect(await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id), { scanKey })).toMatchObject({ outcome: 'already', by: 'desk.one' });
    await undoCheckIn(t.db, bangkokDesk, EVENT, id);
    // The old scan arriving late does not admit the person the desk just un-admitted.
    expect((await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id), { scanKey })).outcome).toBe('already');
    expect((await row(id)).status).toBe('confirmed');
    const scans = await t.db.select().from(checkInScans).where(eq(checkInScans.scanKey, scanKey));
    expect(scans).toHaveLength(1);
  });

  it('the desk names its venue and counts today’s admissions in the venue’s day against those expected', async () => {
    const before = await deskSummary(t.db, bangkokDesk, EVENT, new Date('2026-12-24T03:00:00Z'));
    expect(before.map((v) => v.slug)).toEqual(['bangkok']);
    const id = await register('counted', { venue: 'bangkok' });
    // 23:30 on the 23rd UTC is 06:30 on the 24th in Bangkok: today there.
    await checkIn(t.db, bangkokDesk, EVENT, ticketCode(id), { now: new Date('2026-12-23T23:30:00Z') });
    const after = await deskSummary(t.db, bangkokDesk, EVENT, new Date('2026-12-24T03:00:00Z'));
    expect(after[0]!.checkedInToday).toBe(before[0]!.checkedInToday + 1);
    expect(after[0]!.expected).toBe(before[0]!.expected + 1);
    // Event-wide staff see every on-site venue, never the online one.
    expect((await deskSummary(t.db, organiser, EVENT)).map((v) => v.slug)).not.toContain('online');
  });

  async function race(admit: Admit) {
    const id = await register(`race-${admit === admitOnce ? 'locked' : 'unguarded'}`, { venue: 'bangkok' });
    // The read takes no lock (the admission's condition is the lock), so on PostgreSQL both desks get
    // past it, locked or not: wait for both. PGlite runs one transaction at a time: each reads alone.
    const gate = meetingGate(readHolder, 2, usingPostgres ? WAIT_FOR_ALL_UNLOCKED_MS : WAIT_ALONE_LOCKED_MS);
    const at = new Date('2026-12-24T02:02:00Z');
    const results = await Promise.all(
      [bangkokDesk, secondDesk].map((desk) => checkIn(t.db, desk, EVENT, ticketCode(id), { now: at, steps: { read: gate.read, admit } })),
    );
    return { results, mostAtOnce: gate.mostAtOnce() };
  }

  it('two desks admitting one person at the same moment: exactly one succeeds, the other sees when and by whom', async () => {
    const { results, mostAtOnce } = await race(admitOnce);
    if (usingPostgres) expect(mostAtOnce).toBe(2);
    expect(results.map((r) => r.outcome).sort()).toEqual(['already', 'checked-in']);
    const winner = results.find((r) => r.outcome === 'checked-in')!;
    const loser = results.find((r) => r.outcome === 'already')!;
    expect(loser).toMatchObject({ at: new Date('2026-12-24T02:02:00Z') });
    const winnerDesk = results.indexOf(winner) === 0 ? 'desk.one' : 'desk.two';
    expect(loser).toMatchObject({ by: winnerDesk });
  });

  it.runIf(usingPostgres)('negative control: an admission that trusts its earlier read admits twice', async () => {
    const unguarded: Admit = async (tx, holder, byUserId, at) => {
      if (holder.registration.checkedInAt) return null;
      await tx
        .update(registrations)
        .set({ status: 'checked_in', checkedInAt: at, checkedInBy: byUserId })
        .where(eq(registrations.id, holder.registration.id));
      return { at };
    };
    const { results, mostAtOnce } = await race(unguarded);
    expect(mostAtOnce).toBe(2);
    expect(results.map((r) => r.outcome)).toEqual(['checked-in', 'checked-in']);
  });
});
