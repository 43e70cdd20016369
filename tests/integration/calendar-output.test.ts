import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as speakerFeedRoute } from '@/app/[locale]/speaker/calendar/[file]/route';
import { GET as agendaFeedRoute } from '@/app/api/v1/events/[slug]/agenda.ics/route';
import { GET as sessionFeedRoute } from '@/app/api/v1/events/[slug]/sessions/[session]/calendar.ics/route';
import { GET as personalFeedRoute } from '@/app/api/v1/me/[token]/calendar.ics/route';
import { useDatabase } from '@/lib/database/process-database';
import { events, outbox, registrations, rooms, sessions, speakers, venues } from '@/db/schema';
import { demoAccounts, seedDemoAccounts } from '@/lib/demo/demo-accounts';
import { seedDemoForum } from '@/lib/demo/seed';
import { publishAgenda } from '@/lib/agenda/publish/publish';
import { smtpTransport } from '@/lib/mail/transport';
import { deliverDueMail } from '@/lib/mail-delivery/worker';
import { registrationFeedUrl } from '@/lib/registration/feed-token';
import { registerAttendee } from '@/lib/registration/register';
import { regenerateCalendarFeed } from '@/lib/speakers/calendar-token';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { startSmtpServer } from '../helpers/smtp';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

// Rows as they may sit in the database (written before the forms refused control characters, or by
// hand): a bare CR (which the ics package does not escape), NEL, the line separator, SOH, a bidi
// override, text separators and quotes, and Chinese long enough to need folding by octets.
const TITLE_EN = 'Keynote\rSUMMARY:forged\u2028line\u0085next\u0001 \u202eA;B,C\\D "E"';
const TITLE_EN_AS_TEXT = 'Keynote SUMMARY:forged line next A;B,C\\D "E"';
const TITLE_ZH = `主旨演讲\r${'数字健康走廊'.repeat(12)}`;
const DESCRIPTION = 'First line\rsecond line\r\nthird\u2028fourth\u0007\ttabbed';
const DESCRIPTION_AS_TEXT = 'First line\nsecond line\nthird\nfourth tabbed';
const NAME = 'Chai "Nok"\r^Wong';
const NAME_AS_TEXT = 'Chai "Nok" ^Wong';

let t: TestDatabase;
let keynote: string;
const now = new Date('2026-12-01T00:00:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  const eventId = await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  await seedDemoAccounts(t.db, eventId, EVENT);
  keynote = await sessionBySlug(t.db, 'keynote-digital-health-corridor');
});
afterAll(() => t?.close());

/** What RFC 5545 §3.1 asks of the file's bytes, beyond what a parser forgives. */
function expectWellFormedLines(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const line of lines) {
    expect(line, JSON.stringify(line)).not.toMatch(/[\r\n]/);
    expect(Buffer.byteLength(line), JSON.stringify(line)).toBeLessThanOrEqual(75);
    // Only a fold's leading space may start a line; no control character anywhere.
    expect(line.replace(/^[ \t]/, ''), JSON.stringify(line)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
  }
}

function parse(text: string) {
  expectWellFormedLines(text);
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevents = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(vevents.length).toBeGreaterThan(0);
  return { calendar, vevents };
}

describe('calendar files stay valid whatever text the database holds', () => {
  let firstRegistration: string;

  beforeAll(async () => {
    const first = await registerAttendee(t.db, EVENT, person('cal-before', { sessions: [keynote] }), { now });
    if (!first.ok) throw new Error(JSON.stringify(first));
    firstRegistration = first.registration.id;
    const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    await t.db
      .update(sessions)
      .set({ title: { en: TITLE_EN, zh: TITLE_ZH }, description: { en: DESCRIPTION, zh: DESCRIPTION } })
      .where(eq(sessions.eventId, event!.id));
    await t.db
      .update(venues)
      .set({ name: { en: 'Main\rHall', zh: '主会场\r' }, city: { en: 'Nan\u2028ning', zh: '南宁' } })
      .where(eq(venues.eventId, event!.id));
    for (const venue of await t.db.select().from(venues).where(eq(venues.eventId, event!.id))) {
      await t.db
        .update(rooms)
        .set({ name: { en: 'Room\r1', zh: '一号厅\r' } })
        .where(eq(rooms.venueId, venue.id));
    }
    await t.db.update(speakers).set({ name: NAME }).where(eq(speakers.eventId, event!.id));
    await t.db
      .update(events)
      .set({ name: { en: 'Forum\r;,"x"', zh: '论坛\r' } })
      .where(eq(events.id, event!.id));
    await t.db.update(registrations).set({ name: NAME }).where(eq(registrations.id, firstRegistration));
    const organiser = await actorFor(t.db, 'org.calendar@forum.test', { eventSlug: EVENT, role: 'organiser' });
    await publishAgenda(t.db, organiser, EVENT);
  });

  it('the public agenda feed, in English and Chinese, and one venue’s', async () => {
    for (const query of ['', '?lang=zh', '?venue=tokyo']) {
      const response = await agendaFeedRoute(new NextRequest(`http://localhost/api/v1/events/${EVENT}/agenda.ics${query}`), {
        params: Promise.resolve({ slug: EVENT }),
      });
      expect(response.status).toBe(200);
      const { calendar, vevents } = parse(await response.text());
      const summaries = vevents.map((e) => e.summary);
      expect(summaries.every((s) => s === (query === '?lang=zh' ? `主旨演讲 ${'数字健康走廊'.repeat(12)}` : TITLE_EN_AS_TEXT))).toBe(true);
      expect(vevents[0]!.description).toContain(DESCRIPTION_AS_TEXT);
      expect(vevents.every((e) => !/[\r\u2028]/.test(e.location))).toBe(true);
      expect(calendar.getFirstPropertyValue('x-wr-calname')).not.toMatch(/\r/);
    }
  });

  it('the one-session file', async () => {
    const response = await sessionFeedRoute(new Request('http://localhost/'), {
      params: Promise.resolve({ slug: EVENT, session: keynote }),
    });
    expect(response.status).toBe(200);
    const { vevents } = parse(await response.text());
    expect(vevents.map((e) => [e.summary, e.description])).toEqual([[TITLE_EN_AS_TEXT, expect.stringContaining(DESCRIPTION_AS_TEXT)]]);
  });

  it('a registrant’s personal feed, the attendee named with quotes and a caret', async () => {
    const token = registrationFeedUrl(firstRegistration).split('/').at(-2)!;
    const response = await personalFeedRoute(new Request('http://localhost/'), { params: Promise.resolve({ token }) });
    expect(response.status).toBe(200);
    const { vevents } = parse(await response.text());
    expect(vevents.map((e) => e.summary)).toEqual([TITLE_EN_AS_TEXT]);
    expect(vevents[0]!.attendees.map((a) => a.getParameter('cn'))).toEqual([NAME_AS_TEXT]);
  });

  it('a speaker’s feed', async () => {
    const liWei = await actorFor(t.db, demoAccounts.speaker.email);
    const url = await regenerateCalendarFeed(t.db, liWei);
    const file = url.split('/').pop()!;
    // The description is in the feed's language (messages/<locale>, calendar namespace).
    for (const [lang, withLabel] of [
      ['en', 'With: '],
      ['zh', '同场嘉宾：'],
    ]) {
      const response = await speakerFeedRoute(new NextRequest(`${url}?lang=${lang}`), { params: Promise.resolve({ file }) });
      expect(response.status).toBe(200);
      const { vevents } = parse(await response.text());
      // A name is one line of the description; whatever broke it stays inside the description.
      expect(vevents[0]!.description).toContain(`${withLabel}Chai "Nok"`);
    }
  });

  it('the invites attached to mail, as they arrive over SMTP', async () => {
    const second = await registerAttendee(t.db, EVENT, person('cal-after', { sessions: [keynote] }), { now });
    if (!second.ok) throw new Error(JSON.stringify(second));
    const smtp = await startSmtpServer();
    const transport = smtpTransport(smtp.url, { maxConnections: 1 });
    try {
      while ((await deliverDueMail(t.db, transport, { backoff: () => 0 })).sent > 0);
    } finally {
      transport.close();
      await smtp.close();
    }
    const invites = smtp.received.flatMap((mail) =>
      mail.parsed.attachments
        .filter((a) => a.filename?.endsWith('.ics'))
        .map((a) => ({ to: mail.envelope.to[0], name: a.filename, text: a.content.toString('utf8') })),
    );
    expect(invites.map((i) => `${i.to} ${i.name}`)).toContain('pcal-after@example.org invite.ics');
    for (const invite of invites) parse(invite.text);
    const after = parse(invites.find((i) => i.to === 'pcal-after@example.org')!.text);
    expect(after.vevents.map((e) => [e.summary, e.location])).toEqual([[TITLE_EN_AS_TEXT, expect.stringContaining('Main Hall')]]);
    const rows = await t.db.select().from(outbox);
    expect(rows.every((row) => row.status === 'sent')).toBe(true);
  });
});
