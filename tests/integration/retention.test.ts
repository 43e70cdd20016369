import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, events, outbox, registrations, streamGrants } from '@/db/schema';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { registerAttendee } from '@/lib/registration/register';
import { erasedAddress } from '@/lib/retention/erase-registration';
import { retentionPreview, runRetention } from '@/lib/retention/retention';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';

let t: TestDatabase;
let organiser: Actor;
let eventId: string;
let endsAt: Date;

beforeAll(async () => {
  t = await createTestDatabase();
  eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoForum(t.db, { slug: 'other-forum', firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.retention@forum.test', { eventSlug: EVENT, role: 'organiser' });
  const at = new Date('2026-11-25T00:00:00Z');
  for (const n of [1, 2, 3])
    expect((await registerAttendee(t.db, EVENT, person(`keep-${n}`, { mode: 'online' }), { now: at })).ok).toBe(true);
  expect((await registerAttendee(t.db, 'other-forum', person('other', { mode: 'online' }), { now: at })).ok).toBe(true);
  await t.db.insert(streamGrants).values({ eventId, email: 'pkeep-1@example.org' });
  [{ endsAt }] = (await t.db.select({ endsAt: events.endsAt }).from(events).where(eq(events.id, eventId))) as [{ endsAt: Date }];
});
afterAll(() => t?.close());

const mine = () => t.db.select().from(registrations).where(eq(registrations.eventId, eventId));

describe('personal data retention', () => {
  it('keeps everything while no period is set, however long ago the forum ended', async () => {
    expect(await runRetention(t.db, new Date('2035-01-01T00:00:00Z'))).toBe(0);
    expect((await mine()).every((r) => r.erasedAt === null)).toBe(true);
    expect(await retentionPreview(t.db, organiser, EVENT)).toMatchObject({ retentionDays: null, dueAt: null, toErase: 3, erased: 0 });
  });

  it('erases names, addresses, answers, manage links, mail and grants when the period has passed, and keeps the counts', async () => {
    await t.db.update(events).set({ retentionDays: 180 }).where(eq(events.id, eventId));
    const due = new Date(endsAt.getTime() + 180 * 86_400_000);
    expect(await retentionPreview(t.db, organiser, EVENT)).toMatchObject({ dueAt: due, toErase: 3 });
    expect(await runRetention(t.db, new Date(due.getTime() - 1))).toBe(0);

    const before = await mine();
    expect(await runRetention(t.db, due)).toBe(3);
    const after = await mine();
    for (const row of after) {
      const was = before.find((b) => b.id === row.id)!;
      expect(row).toMatchObject({ name: '', email: erasedAddress(row.id), organisation: '', jobTitle: '', needs: '', erasedAt: due });
      expect(row.manageTokenHash).not.toBe(was.manageTokenHash);
      // What reports count stays.
      expect([row.country, row.participantType, row.mode, row.status]).toEqual([was.country, was.participantType, was.mode, was.status]);
    }
    const ids = after.map((r) => r.id);
    const mail = await t.db.select().from(outbox);
    expect(mail.filter((m) => m.registrationId && ids.includes(m.registrationId))).toHaveLength(0);
    expect(mail.some((m) => m.toAddress.startsWith('pkeep-'))).toBe(false);
    expect(await t.db.select().from(streamGrants).where(eq(streamGrants.eventId, eventId))).toHaveLength(0);
    // The other forum's attendee is untouched.
    const [other] = await t.db.select().from(registrations).where(eq(registrations.email, 'pother@example.org'));
    expect(other!.erasedAt).toBeNull();
    expect(mail.some((m) => m.toAddress === 'pother@example.org')).toBe(true);

    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'retention.erase'));
    expect(entry).toMatchObject({ eventId, actorUserId: null, details: { count: 3, retentionDays: 180 } });
    expect(await retentionPreview(t.db, organiser, EVENT)).toMatchObject({ toErase: 0, erased: 3 });
  });

  it('erases each registration once, when two workers run at the same time', async () => {
    const at = new Date('2026-11-26T00:00:00Z');
    for (const n of [1, 2, 3, 4])
      expect((await registerAttendee(t.db, EVENT, person(`race-${n}`, { mode: 'online' }), { now: at })).ok).toBe(true);
    const due = new Date(endsAt.getTime() + 181 * 86_400_000);
    const runs = await Promise.all([runRetention(t.db, due), runRetention(t.db, due)]);
    expect(runs[0]! + runs[1]!).toBe(4);
    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'retention.erase'));
    expect(entries.reduce((sum, e) => sum + (e.details as { count: number }).count, 0)).toBe(7);
    expect((await mine()).every((r) => r.erasedAt !== null)).toBe(true);
  });

  it('lets the same address register again afterwards without a clash', async () => {
    await t.db
      .update(events)
      .set({ registrationClosesAt: null, registrationOpensAt: new Date('2020-01-01T00:00:00Z') })
      .where(eq(events.id, eventId));
    expect((await registerAttendee(t.db, EVENT, person('keep-1', { mode: 'online' }))).ok).toBe(true);
  });
});
