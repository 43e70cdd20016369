// A registration made in Thai gets its confirmation in Thai, over real SMTP: the words, the dates in
// Thai with Common Era years, every time with its zone, the Thai font stack, and a calendar invite
// whose text is Thai (the session's Thai title where it has one, Thai words for where it is shown).
import { eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, sessions } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { formatDay } from '@/lib/format/datetime';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { smtpTransport } from '@/lib/mail/transport';
import { registerAttendee } from '@/lib/registration/register';
import { localTime } from '@/lib/time/zones';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug } from '../helpers/registration';
import { startSmtpServer } from '../helpers/smtp';

const THAI = /[\u0e00-\u0e7f]/;
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

describe(`a registration in Thai (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('receives its confirmation in Thai, with Thai dates in the venue’s time and a Thai calendar invite', async () => {
    const keynote = await sessionBySlug(t.db, 'keynote-digital-health-corridor');
    // Content in a language the demo never wrote: stored beside English in the same jsonb map.
    await t.db
      .update(sessions)
      .set({ title: sql`${sessions.title} || '{"th": "ปาฐกถาพิเศษ: ระเบียงสุขภาพดิจิทัล"}'::jsonb` })
      .where(eq(sessions.id, keynote));
    const result = await registerAttendee(
      t.db,
      EVENT,
      person('thai', { sessions: [keynote], venue: 'bangkok', country: 'TH', name: 'สมชาย ใจดี', locale: 'th' }),
      { now: new Date('2026-12-01T00:00:00Z') },
    );
    if (!result.ok) throw new Error(JSON.stringify(result));

    const smtp = await startSmtpServer();
    const transport = smtpTransport(smtp.url, { maxConnections: 1 });
    try {
      await deliverDueMail(t.db, transport, { backoff: () => 0 });
    } finally {
      transport.close();
      await smtp.close();
    }
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    const [row] = await t.db.select().from(outbox);
    expect(row!.status).toBe('sent');

    expect(mail.parsed.subject).toMatch(/^ยืนยันการลงทะเบียนแล้ว · /);
    const text = mail.parsed.text ?? '';
    expect(text).toContain('เรียน คุณสมชาย ใจดี');
    expect(text).toContain('ขอบคุณที่ลงทะเบียน ที่นั่งของท่านได้รับการยืนยันแล้ว');
    expect(text).toContain('ปาฐกถาพิเศษ: ระเบียงสุขภาพดิจิทัล');
    expect(text).toContain('จัดการการลงทะเบียนของท่าน');
    // The day in Thai, its year in the Common Era; the time at Bangkok with its zone.
    const [session] = await t.db.select().from(sessions).where(eq(sessions.id, keynote));
    const day = formatDay(session!.startsAt, 'Asia/Bangkok', 'th');
    expect(day).toMatch(/2026$/);
    expect(THAI.test(day)).toBe(true);
    expect(text).toContain(day);
    expect(text).toContain(`${localTime(session!.startsAt, 'Asia/Bangkok')}–${localTime(session!.endsAt, 'Asia/Bangkok')}`);
    expect(text).toContain('GMT+7');
    expect(text).not.toContain('2569');
    // No English sentence of the mail's own words.
    for (const english of ['Thank you for registering', 'Your sessions', 'Manage your registration', 'shown live in'])
      expect(text).not.toContain(english);
    // Drawn by a Thai font on every system.
    expect(mail.parsed.html).toMatch(/<html[^>]*lang="th"/);
    expect(mail.parsed.html).toMatch(/font-family:[^"]*Thonburi[^"]*Leelawadee UI[^"]*Noto Sans Thai/);

    const attachment = mail.parsed.attachments.find((a) => a.filename === 'invite.ics')!;
    const invite = new ICAL.Component(ICAL.parse(attachment.content.toString('utf8')));
    const [event] = invite.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(event!.summary).toBe('ปาฐกถาพิเศษ: ระเบียงสุขภาพดิจิทัล');
    expect(event!.location).toContain('ถ่ายทอดสดที่');
    expect(event!.startDate.toJSDate().getTime()).toBe(session!.startsAt.getTime());
  });
});
