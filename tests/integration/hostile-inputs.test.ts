import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as feedRoute } from '@/app/api/v1/me/[token]/calendar.ics/route';
import { GET as streamRoute } from '@/app/api/v1/stream/[token]/route';
import { useDatabase } from '@/lib/database/process-database';
import { events, registrations, registrationSessions, sessions } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { agendaFeed } from '@/lib/agenda/agenda-feed';
import { publicAgenda } from '@/lib/agenda/public-agenda';
import { parseAgendaQuery } from '@/lib/agenda/query';
import { venueAgendas } from '@/lib/agenda/venue-agenda';
import { joinView } from '@/lib/livestream/join-view';
import { ensureRendered } from '@/lib/mail-delivery/render-queued';
import { outbox } from '@/db/schema';
import { changeRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { checkIn } from '@/lib/checkin/check-in';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

let t: TestDatabase;
const now = new Date('2026-12-01T00:00:00Z');
const runs = { numRuns: 60 };

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

const anything = fc.oneof(fc.anything(), fc.string({ maxLength: 400 }), fc.object(), fc.constant(null));
const hostileString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'x\r\nBcc: evil@evil.test', '=HYPERLINK("http://evil")', '\u0000\u001f\u202e', '../../etc/passwd', "'; DROP TABLE registrations; --", 'a'.repeat(100_000)),
);

describe('hostile input to the public entry points never causes a 5xx or a partial write', () => {
  it('the manage page’s change action: any input either applies or is refused with nothing written', async () => {
    const created = await registerAttendee(t.db, EVENT, person('hostile-manage'), { now });
    if (!created.ok) throw new Error('setup failed');
    const id = created.registration.id;
    const snapshot = async () => ({
      registration: (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0],
      seats: await t.db.select().from(registrationSessions).where(eq(registrationSessions.registrationId, id)),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(anything, fc.record({ mode: hostileString, venue: hostileString, sessions: fc.array(hostileString, { maxLength: 5 }) })), async (input) => {
        const before = await snapshot();
        const result = await changeRegistration(t.db, id, input);
        if (!result.ok) {
          expect(result.status).toBeGreaterThanOrEqual(400);
          expect(result.status).toBeLessThan(500);
          expect(await snapshot()).toEqual(before);
        }
      }),
      runs,
    );
  });

  it('agenda filters and search: any query string parses to a safe query', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('venue', 'day', 'kind', 'segment', 'language', 'q', 'tz', 'x'), fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 }))), (params) => {
        const query = parseAgendaQuery(params);
        expect(query).toBeTypeOf('object');
      }),
      runs,
    );
  });

  it('personal tokens (join pages, stream redirects, calendar feeds, tickets): any string is refused quietly', async () => {
    const organiser = await actorFor(t.db, 'org.hostile@forum.test', { eventSlug: EVENT, role: 'organiser' });
    await fc.assert(
      fc.asyncProperty(hostileString, async (token) => {
        expect((await joinView(t.db, token)).state).toBe('invalid');
        const stream = await streamRoute(new Request('http://localhost/'), { params: Promise.resolve({ token }) });
        expect([403, 410]).toContain(stream.status);
        const feed = await feedRoute(new Request('http://localhost/'), { params: Promise.resolve({ token }) });
        expect(feed.status).toBe(404);
        expect(await checkIn(t.db, organiser, EVENT, token)).toEqual({ outcome: 'unknown-code' });
      }),
      { numRuns: 30 },
    );
  });
});

describe('injection is rendered inert', () => {
  it('a session title carrying iCalendar line breaks and properties stays one escaped property', async () => {
    const keynote = await sessionBySlug(t.db, 'keynote-digital-health-corridor');
    await t.db.update(sessions).set({ title: { en: 'Keynote\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil;x,y\\z\r\nATTENDEE:mailto:evil@evil.test' } }).where(eq(sessions.id, keynote));
    const [event] = await t.db.select().from(events).where(eq(events.slug, EVENT));
    // The working copy is what feeds are built from once published; build one from it directly.
    const agenda = await publicAgenda(t.db, { ...event!, publishedVersion: 0 });
    const entries = venueAgendas(agenda);
    const text = agendaFeed(agenda, entries, { calName: 'x', locale: 'en' });
    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevents = calendar.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(agenda.sessions.length);
    const evil = vevents.map((e) => new ICAL.Event(e)).find((e) => e.uid === `${keynote}@hybrid-forum`)!;
    expect(evil.summary).toContain('END:VEVENT');
    expect(vevents.some((e) => new ICAL.Event(e).uid === 'evil;x,y\\z')).toBe(false);
    expect(vevents.flatMap((e) => e.getAllProperties('attendee'))).toHaveLength(0);
  });

  it('a registrant named like a script gets a mail that shows the name as text', async () => {
    const created = await registerAttendee(t.db, EVENT, person('hostile-name', { name: '<img src=x onerror=alert(1)> Chai' }), { now });
    if (!created.ok) throw new Error(JSON.stringify(created));
    const [row] = await t.db.select().from(outbox).where(eq(outbox.registrationId, created.registration.id));
    const mail = await ensureRendered(t.db, row!);
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; Chai');
  });
});
