import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, events, sessions, venues } from '@/db/schema';
import { AuthorizationError } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/sessions';
import { seedDemoForum } from '@/lib/demo/seed';
import { eventSettingsValues, updateEventSettings } from '@/lib/events/admin/update-event-settings';
import { localDate, localTime } from '@/lib/time/zones';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT } from '../helpers/registration';

let t: TestDatabase;
let organiser: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  organiser = await actorFor(t.db, 'org.settings@forum.test', { eventSlug: EVENT, role: 'organiser' });
});
afterAll(() => t?.close());

const eventRow = async () => (await t.db.select().from(events).where(eq(events.slug, EVENT)))[0]!;
const wallClocks = async () => {
  const rows = await t.db
    .select({ slug: sessions.slug, startsAt: sessions.startsAt, zone: venues.timeZone })
    .from(sessions)
    .innerJoin(venues, eq(sessions.venueId, venues.id))
    .where(eq(sessions.eventId, (await eventRow()).id));
  return new Map(rows.map((r) => [r.slug, { date: localDate(r.startsAt, r.zone), time: localTime(r.startsAt, r.zone) }]));
};

describe('event settings', () => {
  it('start from the stored values, in the event’s zone, and save names, texts and the window', async () => {
    const values = await eventSettingsValues(t.db, organiser, EVENT);
    expect(values).toMatchObject({ firstDay: '2026-12-24', timeZone: 'Asia/Shanghai' });
    const result = await updateEventSettings(t.db, organiser, EVENT, {
      ...values,
      name: { ...values.name, zh: '第十届论坛（设置测试）' },
      contactEmail: 'forum@example.org',
      privacy: { ...values.privacy, en: 'We keep your data for 180 days after the forum.' },
      registrationOpensAt: '2026-11-01T09:00',
      registrationClosesAt: '2026-12-20T18:00',
    });
    expect(result).toMatchObject({ ok: true, shiftedSessions: 0 });
    const event = await eventRow();
    expect(event.name.zh).toBe('第十届论坛（设置测试）');
    expect(event.contactEmail).toBe('forum@example.org');
    expect(event.privacy.en).toContain('180 days');
    // Wall-clock in the event's zone (GMT+8): 18:00 Nanning is 10:00 UTC.
    expect(event.registrationClosesAt!.toISOString()).toBe('2026-12-20T10:00:00.000Z');
    const [audit] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, 'event.settings')));
    expect((audit!.details as { changed: string[] }).changed.sort()).toEqual([
      'contactEmail',
      'name',
      'privacy',
      'registrationClosesAt',
      'registrationOpensAt',
    ]);
  });

  it('edit every language side by side: a Japanese name saved, a Korean theme kept, a Thai name cleared falls back', async () => {
    const before = await eventRow();
    await t.db
      .update(events)
      .set({ name: { ...before.name, th: 'ฟอรั่มครั้งที่ 10' }, theme: { ...before.theme, ko: '기술 이전' } })
      .where(eq(events.id, before.id));
    const values = await eventSettingsValues(t.db, organiser, EVENT);
    expect(values.name).toMatchObject({ th: 'ฟอรั่มครั้งที่ 10' });
    expect(values.theme).toMatchObject({ ko: '기술 이전' });
    const saved = await updateEventSettings(t.db, organiser, EVENT, {
      ...values,
      name: { ...values.name, en: 'The 10th Forum (renamed)', ja: '第10回フォーラム', th: '' },
    });
    expect(saved.ok).toBe(true);
    const after = await eventRow();
    expect(after.name).toMatchObject({ en: 'The 10th Forum (renamed)', ja: '第10回フォーラム' });
    expect(after.name.th).toBeUndefined();
    expect(after.theme.ko).toBe('기술 이전');
    // Without English the name is refused, beside the field (the form shows it at the English input).
    const noEnglish = await updateEventSettings(t.db, organiser, EVENT, { ...values, name: { ...values.name, en: '' } });
    expect(noEnglish).toMatchObject({ ok: false, code: 'invalid', fields: { name: 'required' } });
  });

  it('move the sessions with the first day, each at the same local time in its venue', async () => {
    const before = await wallClocks();
    const values = await eventSettingsValues(t.db, organiser, EVENT);
    const result = await updateEventSettings(t.db, organiser, EVENT, {
      ...values,
      firstDay: '2026-12-31',
      lastDay: '2027-01-02',
      shiftSessions: true,
    });
    expect(result).toMatchObject({ ok: true, shiftedSessions: before.size });
    const after = await wallClocks();
    for (const [slug, was] of before) {
      expect(after.get(slug)!.time, slug).toBe(was.time);
      expect(after.get(slug)!.date, slug).not.toBe(was.date);
    }
    expect(localDate((await eventRow()).startsAt, 'Asia/Shanghai')).toBe('2026-12-31');
  });

  it('refuse to leave sessions outside the dates, changing nothing', async () => {
    const values = await eventSettingsValues(t.db, organiser, EVENT);
    const before = await eventRow();
    const clocks = await wallClocks();
    const kept = await updateEventSettings(t.db, organiser, EVENT, {
      ...values,
      firstDay: '2027-02-01',
      lastDay: '2027-02-03',
      shiftSessions: false,
    });
    expect(kept).toEqual({
      ok: false,
      code: 'invalid',
      error: expect.any(String),
      fields: { firstDay: expect.stringMatching(/^sessionsOutsideDates\?count=\d+$/) },
    });
    const shortened = await updateEventSettings(t.db, organiser, EVENT, { ...values, lastDay: values.firstDay, shiftSessions: true });
    expect(shortened.ok).toBe(false);
    expect(await eventRow()).toEqual(before);
    expect(await wallClocks()).toEqual(clocks);
  });

  it('refuse a window that closes before it opens and dates that end before they start, beside the field', async () => {
    const values = await eventSettingsValues(t.db, organiser, EVENT);
    expect(
      await updateEventSettings(t.db, organiser, EVENT, {
        ...values,
        registrationOpensAt: '2026-12-10T09:00',
        registrationClosesAt: '2026-12-01T09:00',
      }),
    ).toEqual({
      ok: false,
      code: 'invalid',
      error: expect.any(String),
      fields: { registrationClosesAt: expect.any(String) },
    });
    expect(await updateEventSettings(t.db, organiser, EVENT, { ...values, lastDay: '2020-01-01' })).toEqual({
      ok: false,
      code: 'invalid',
      error: expect.any(String),
      fields: { lastDay: expect.any(String) },
    });
    expect(
      await updateEventSettings(t.db, organiser, EVENT, { ...values, timeZone: 'Nowhere/City', contactEmail: 'not-an-address' }),
    ).toMatchObject({
      ok: false,
      code: 'invalid',
      fields: { timeZone: expect.any(String), contactEmail: expect.any(String) },
    });
  });

  it('are the organisers’ alone', async () => {
    const values = await eventSettingsValues(t.db, organiser, EVENT);
    const staff = await actorFor(t.db, 'staff.settings@forum.test', { eventSlug: EVENT, role: 'checkin' });
    for (const who of [null, staff, await actorFor(t.db, 'nobody.settings@forum.test')]) {
      await expect(updateEventSettings(t.db, who, EVENT, { ...values, name: { ...values.name, en: 'Hijacked' } })).rejects.toBeInstanceOf(
        AuthorizationError,
      );
      await expect(eventSettingsValues(t.db, who, EVENT)).rejects.toBeInstanceOf(AuthorizationError);
    }
    expect((await eventRow()).name.en).not.toBe('Hijacked');
  });
});
