import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as feedRoute } from '@/app/api/v1/me/[token]/calendar.ics/route';
import { GET as streamRoute } from '@/app/api/v1/stream/[token]/route';
import { useDatabase } from '@/lib/database/process-database';
import { events, registrations, registrationSessions, sessions, venues } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { agendaFeed } from '@/lib/agenda/agenda-feed';
import { publicAgenda } from '@/lib/agenda/public-agenda';
import { parseAgendaQuery } from '@/lib/agenda/query';
import { venueAgendas } from '@/lib/agenda/venue-agenda';
import { joinView } from '@/lib/livestream/join-view';
import { ensureRendered } from '@/lib/mail-delivery/render-queued';
import { outbox } from '@/db/schema';
import { changeRegistration, registrationChangeSchema } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { checkIn } from '@/lib/checkin/check-in';
import { exhibitors } from '@/db/schema';
import { createExhibitor } from '@/lib/exhibition/admin/save-exhibitor';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person, rows, sessionBySlug } from '../helpers/registration';
import { httpStatus } from '@/lib/errors/http';

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
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'x\r\nBcc: evil@evil.test',
    '=HYPERLINK("http://evil")',
    '\u0000\u001f\u202e',
    '../../etc/passwd',
    "'; DROP TABLE registrations; --",
    'a'.repeat(100_000),
  ),
);

/** Sessions and venues whose confirmed_count differs from the seats actually held. */
async function seatCountMismatches(): Promise<string[]> {
  const result = await t.db.execute(sql`
    select 'session ' || s.slug as what from sessions s
      where s.confirmed_count <> (select count(*) from registration_sessions rs join registrations r on r.id = rs.registration_id
                                  where rs.session_id = s.id and rs.status = 'confirmed' and r.venue_id = s.venue_id)
    union all
    select 'venue ' || v.slug from venues v
      where v.confirmed_count <> (select count(*) from registrations r where r.venue_id = v.id and r.status in ('confirmed', 'checked_in'))`);
  return rows<{ what: string }>(result).map((r) => r.what);
}

describe('hostile input to the public entry points never causes a 5xx or a partial write', () => {
  it('the manage page’s change action: any input either applies or is refused with nothing written', async () => {
    const created = await registerAttendee(t.db, EVENT, person('hostile-manage'), { now });
    if (!created.ok) throw new Error('setup failed');
    const id = created.registration.id;
    const snapshot = async () => ({
      registration: (await t.db.select().from(registrations).where(eq(registrations.id, id)))[0],
      seats: await t.db.select().from(registrationSessions).where(eq(registrationSessions.registrationId, id)),
    });
    const venueIds = new Map((await t.db.select({ id: venues.id, slug: venues.slug }).from(venues)).map((v) => [v.slug, v.id]));
    const sessionIds = await Promise.all(
      ['keynote-ai-public-health', 'young-scientists-workshop', 'panel-innovation-corridor'].map((slug) => sessionBySlug(t.db, slug)),
    );
    // Changes that are often valid, so that the "applies" half is exercised as much as the refusals.
    const plausible = fc.record({
      mode: fc.oneof(fc.constantFrom('online', 'in_person'), hostileString),
      venue: fc.oneof(fc.constantFrom('nanning', 'tokyo', 'seoul', null), hostileString),
      sessions: fc.array(fc.oneof(fc.constantFrom(...sessionIds), hostileString), { maxLength: 4 }),
    });
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          anything,
          fc.record({ mode: hostileString, venue: hostileString, sessions: fc.array(hostileString, { maxLength: 5 }) }),
          plausible,
        ),
        async (input) => {
          const before = await snapshot();
          const result = await changeRegistration(t.db, id, input);
          const valid = registrationChangeSchema.safeParse(input);
          if (!result.ok) {
            expect(httpStatus[result.code]).toBeGreaterThanOrEqual(400);
            expect(httpStatus[result.code]).toBeLessThan(500);
            expect(await snapshot()).toEqual(before);
            return;
          }
          // Applied: it was a valid change, and what is stored is exactly what it asked for.
          applied += 1;
          expect(valid.success).toBe(true);
          const change = valid.data!;
          const after = await snapshot();
          expect(after.registration).toMatchObject({
            mode: change.mode,
            venueId: change.mode === 'in_person' ? venueIds.get(change.venue!) : null,
          });
          expect(after.seats.map((seat) => seat.sessionId).sort()).toEqual([...change.sessions].sort());
          expect(await seatCountMismatches()).toEqual([]);
        },
      ),
      // Two changes known to be valid run first, so the "applies" half is always exercised, whatever
      // share of the random ones happens to be valid.
      { ...runs, examples: [[{ mode: 'online', venue: null, sessions: [] }], [{ mode: 'in_person', venue: 'nanning', sessions: [] }]] },
    );
    expect(applied).toBeGreaterThan(0);
  });

  it('agenda filters and search: any query string parses to a safe query', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('venue', 'day', 'kind', 'segment', 'language', 'q', 'tz', 'x'),
          fc.oneof(
            hostileString,
            fc.constantFrom('tokyo', 'forum', '2026-12-24', 'zh', 'Asia/Tokyo', '  health  '),
            fc.array(hostileString, { maxLength: 3 }),
          ),
        ),
        (params) => {
          const query = parseAgendaQuery(params);
          const first = (key: string) => (Array.isArray(params[key]) ? params[key][0] : params[key]);
          // A well-formed value is kept as it is (the first of a repeated one); anything else is dropped.
          const kept = (key: string, wellFormed: (v: string) => boolean) => {
            const value = first(key);
            return typeof value === 'string' && wellFormed(value) ? value : undefined;
          };
          const token = (v: string) => v.length <= 60 && /^[a-z0-9_-]+$/.test(v);
          const zone = (v: string) => {
            try {
              return v.length <= 64 && Boolean(new Intl.DateTimeFormat('en', { timeZone: v }));
            } catch {
              return false;
            }
          };
          const q = first('q');
          expect(query).toEqual({
            venue: kept('venue', token),
            segment: kept('segment', token),
            kind: kept('kind', token),
            language: kept('language', (v) => /^[a-z]{2}$/.test(v)),
            day: kept('day', (v) => /^\d{4}-\d{2}-\d{2}$/.test(v)),
            q: typeof q === 'string' && q.trim().length <= 100 && q.trim() ? q.trim() : undefined,
            tz: query.tz === undefined ? undefined : kept('tz', zone),
          });
          if (query.tz !== undefined) expect(zone(query.tz)).toBe(true);
          if (first('tz') === 'Asia/Tokyo') expect(query.tz).toBe('Asia/Tokyo');
        },
      ),
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

  it('an organiser’s exhibitor form: any input is saved whole or refused with field errors, never a throw', async () => {
    const organiser = await actorFor(t.db, 'org.hostile.exhibitors@forum.test', { eventSlug: EVENT, role: 'organiser' });
    const before = (await t.db.select().from(exhibitors)).length;
    let saved = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          slug: fc.oneof(fc.constant('hostile-exhibitor'), hostileString),
          name: fc.oneof(fc.record({ en: hostileString, zh: hostileString, th: hostileString }), anything),
          description: fc.oneof(fc.record({ en: hostileString, ja: hostileString }), anything),
          country: fc.oneof(fc.constantFrom('TH', 'cn'), hostileString),
          sectors: fc.oneof(fc.array(fc.oneof(fc.constantFrom('big-health', 'marine'), hostileString), { maxLength: 4 }), anything),
          website: fc.oneof(fc.constant('https://ok.example'), hostileString),
          contactName: hostileString,
          contactEmail: fc.oneof(fc.constant(''), hostileString),
          contactPhone: hostileString,
          venueId: fc.oneof(fc.constant(''), hostileString),
          hall: hostileString,
          booth: hostileString,
        }),
        async (values) => {
          const result = await createExhibitor(t.db, organiser, EVENT, { ...values, slug: `${values.slug}`.slice(0, 60) });
          if (result.ok) saved++;
          else expect(result.code).toBe('invalid');
        },
      ),
      runs,
    );
    expect((await t.db.select().from(exhibitors)).length).toBe(before + saved);
    for (const row of await t.db.select().from(exhibitors)) {
      expect(row.website === '' || row.website.startsWith('https://')).toBe(true);
      expect([...row.name.en].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    }
  });
});

describe('injection is rendered inert', () => {
  it('a session title carrying iCalendar line breaks and properties stays one escaped property', async () => {
    const keynote = await sessionBySlug(t.db, 'keynote-digital-health-corridor');
    await t.db
      .update(sessions)
      .set({ title: { en: 'Keynote\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:evil;x,y\\z\r\nATTENDEE:mailto:evil@evil.test' } })
      .where(eq(sessions.id, keynote));
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
