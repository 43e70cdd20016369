import path from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { loadMessages } from '@/lib/i18n/messages';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as agendaIcs } from '@/app/api/v1/events/[slug]/agenda.ics/route';
import { GET as eventGet } from '@/app/api/v1/events/[slug]/route';
import { GET as sessionGet } from '@/app/api/v1/events/[slug]/sessions/[session]/route';
import { GET as sessionsGet } from '@/app/api/v1/events/[slug]/sessions/route';
import { GET as venuesGet } from '@/app/api/v1/events/[slug]/venues/route';
import { GET as eventsGet } from '@/app/api/v1/events/route';
import { GET as openapiGet } from '@/app/api/v1/openapi.json/route';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { publishedEventBySlug } from '@/lib/agenda/events';
import { publicAgenda } from '@/lib/agenda/public-agenda';
import { venueAgendas } from '@/lib/agenda/venue-agenda';
import { localTime } from '@/lib/time/zones';
import { registerAttendee } from '@/lib/registration/register';
import { registrationFeedUrl } from '@/lib/registration/feed-token';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT, person } from '../helpers/registration';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24' });
});
afterAll(() => t?.close());

const LIVESTREAM_HOST = 'live.hybrid-forum.example';
const req = (path: string) => new NextRequest(`http://localhost${path}`);
const slugParams = (extra: Record<string, string> = {}) => ({ params: Promise.resolve({ slug: EVENT, session: '', ...extra }) });

async function agenda() {
  const event = await publishedEventBySlug(t.db, EVENT);
  return publicAgenda(t.db, event!);
}

describe('the programme across venues and zones', () => {
  it('shows a 09:00 Nanning keynote at 10:00 in Tokyo and 08:00 in Bangkok, marked as a relay there', async () => {
    const entries = venueAgendas(await agenda(), {}).filter((e) => e.session.slug === 'opening-ceremony');
    const byVenue = Object.fromEntries(entries.map((e) => [e.venue.slug, e]));
    expect(localTime(byVenue.nanning!.session.startsAt, byVenue.nanning!.venue.timeZone)).toBe('09:00');
    expect(localTime(byVenue.tokyo!.session.startsAt, byVenue.tokyo!.venue.timeZone)).toBe('10:00');
    expect(localTime(byVenue.seoul!.session.startsAt, byVenue.seoul!.venue.timeZone)).toBe('10:00');
    expect(localTime(byVenue.bangkok!.session.startsAt, byVenue.bangkok!.venue.timeZone)).toBe('08:00');
    expect(byVenue.nanning!.relay).toBe(false);
    expect(byVenue.tokyo!.relay && byVenue.seoul!.relay && byVenue.bangkok!.relay).toBe(true);
    expect(byVenue.online?.relay).toBe(true);
  });

  it('lists a branch venue’s own sessions and the relays it receives, not other venues’ sessions', async () => {
    const tokyo = venueAgendas(await agenda(), { venue: 'tokyo' });
    const slugs = tokyo.map((e) => e.session.slug);
    expect(slugs).toContain('tokyo-robotics-elderly-care');
    expect(slugs).toContain('keynote-ai-public-health');
    expect(slugs).not.toContain('bangkok-healthtech-pitch');
    expect(slugs).not.toContain('panel-innovation-corridor'); // relayed to Bangkok only
  });

  it('filters by track, kind, language and text (English, Chinese and speaker names)', async () => {
    const a = await agenda();
    expect(venueAgendas(a, { venue: 'nanning', segment: 'young-scientists' }).every((e) => e.session.segment === 'young-scientists')).toBe(
      true,
    );
    expect(
      venueAgendas(a, { venue: 'nanning', kind: 'signing' })
        .map((e) => e.session.slug)
        .sort(),
    ).toEqual(['mou-signing-joint-labs', 'mou-signing-partnerships']);
    expect(venueAgendas(a, { language: 'ko' }).every((e) => e.session.languages.includes('ko'))).toBe(true);
    expect(venueAgendas(a, { venue: 'nanning', q: 'workshop' }).map((e) => e.session.slug)).toEqual(['young-scientists-workshop']);
    expect(venueAgendas(a, { venue: 'nanning', q: '签约' }).length).toBe(2);
    expect(venueAgendas(a, { venue: 'seoul', q: 'Park Ji-hoon' }).map((e) => e.session.slug)).toContain('seoul-digital-twin-hospitals');
  });
});

describe('JSON API', () => {
  it('lists events, venues and sessions with seats left and no livestream links', async () => {
    const bodies = await Promise.all([
      eventsGet().then((r) => r.text()),
      eventGet(req(`/api/v1/events/${EVENT}`), slugParams()).then((r) => r.text()),
      venuesGet(req(`/api/v1/events/${EVENT}/venues`), slugParams()).then((r) => r.text()),
      sessionsGet(req(`/api/v1/events/${EVENT}/sessions`), slugParams()).then((r) => r.text()),
      sessionGet(req(`/api/v1/events/${EVENT}/sessions/opening-ceremony`), slugParams({ session: 'opening-ceremony' })).then((r) =>
        r.text(),
      ),
      agendaIcs(req(`/api/v1/events/${EVENT}/agenda.ics`), slugParams()).then((r) => r.text()),
    ]);
    for (const body of bodies) expect(body).not.toContain(LIVESTREAM_HOST);
    const sessions = JSON.parse(bodies[3]!).sessions as { slug: string; seatsLeft: number | null; capacity: number | null }[];
    expect(sessions.length).toBeGreaterThanOrEqual(20);
    expect(sessions.find((s) => s.slug === 'young-scientists-workshop')).toMatchObject({ capacity: 30, seatsLeft: 30 });
  });

  it('answers 404 for unknown forums and sessions and 422 for a bad query', async () => {
    expect((await eventGet(req('/api/v1/events/nope'), { params: Promise.resolve({ slug: 'nope' }) })).status).toBe(404);
    expect((await sessionGet(req('/x'), slugParams({ session: 'nope' }))).status).toBe(404);
    const bad = await sessionsGet(req(`/api/v1/events/${EVENT}/sessions?day=tomorrow`), slugParams());
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ error: 'invalid query', fields: { day: 'Enter a date.' } });
    expect((await sessionsGet(req(`/api/v1/events/${EVENT}/sessions?colour=red`), slugParams())).status).toBe(422);
    expect((await sessionsGet(req(`/api/v1/events/${EVENT}/sessions?venue=atlantis`), slugParams())).status).toBe(422);
  });

  it('words a bad query for people, in the language the caller asks for', async () => {
    const ask = async (query: string, language: string) =>
      (
        await (
          await sessionsGet(
            new NextRequest(`http://localhost/api/v1/events/${EVENT}/sessions?${query}`, { headers: { 'accept-language': language } }),
            slugParams(),
          )
        ).json()
      ).fields as Record<string, string>;
    const validation = (locale: 'en' | 'zh') => loadMessages(locale).validation as Record<string, string>;
    for (const locale of ['en', 'zh'] as const) {
      const words = validation(locale);
      const language = locale === 'zh' ? 'zh-CN,zh;q=0.9' : 'en-GB,en;q=0.8';
      expect(await ask('kind=Not+A+Kind&segment=YOUNG%20SCIENTISTS', language)).toEqual({ kind: words.choose, segment: words.choose });
      expect(await ask('language=english&day=tomorrow', language)).toEqual({ language: words.choose, day: words.date });
      expect(await ask('venue=atlantis', language)).toEqual({ venue: words.venueNotOnSite });
      expect(await ask('venue=Atlantis!', language)).toEqual({ venue: words.venue });
      const unknown = await ask('colour=red', language);
      expect(Object.values(unknown).join(' ')).not.toMatch(/must be|one of|Unrecognized|invalid$/);
      expect(Object.values(unknown)).toEqual([words.invalid]);
      // The calendar feed of a venue that is not one of this forum's: the same words, in the feed's language.
      const feed = await agendaIcs(
        req(`/api/v1/events/${EVENT}/agenda.ics?venue=atlantis${locale === 'zh' ? '&lang=zh' : ''}`),
        slugParams(),
      );
      expect(feed.status).toBe(422);
      expect((await feed.json()).fields).toEqual({ venue: words.venueNotOnSite });
    }
  });

  it('never answers 5xx to any query string', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom('venue', 'day', 'kind', 'segment', 'language', 'q', 'x'), fc.string({ maxLength: 200 }), {
          maxKeys: 4,
        }),
        async (query) => {
          const qs = new URLSearchParams(query).toString();
          const response = await sessionsGet(req(`/api/v1/events/${EVENT}/sessions?${qs}`), slugParams());
          expect(response.status).toBeLessThan(500);
          const feed = await agendaIcs(req(`/api/v1/events/${EVENT}/agenda.ics?${qs}`), slugParams());
          expect(feed.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is described by a valid OpenAPI 3.1 document whose GET paths all answer', async () => {
    const document = await (await openapiGet()).json();
    await SwaggerParser.validate(structuredClone(document));
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/v1/events/{slug}/registrations');
    // A duplicate is answered like a new registration (201), so that the API does not tell who is registered.
    expect(document.paths['/api/v1/events/{slug}/registrations'].post.responses).not.toHaveProperty('409');
    expect(document.components.schemas.RegistrationReceived.required).toEqual(['received', 'email', 'message']);

    // Every documented GET path, found in app/ by its path, answers 200 with the documented type;
    // a path documented without a route (or a route that fails) fails here.
    const someone = await registerAttendee(t.db, EVENT, person('openapi-reader'));
    if (!someone.ok) throw new Error(JSON.stringify(someone));
    const token = registrationFeedUrl(someone.registration.id).split('/').at(-2)!;
    const values: Record<string, string> = { slug: EVENT, session: 'opening-ceremony', exhibitor: 'siam-medtech', token };
    const gets = Object.entries(
      document.paths as Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>,
    ).filter(([, item]) => item.get);
    expect(gets.map(([template]) => template).sort()).toEqual(
      [
        '/api/v1/events',
        '/api/v1/events/{slug}',
        '/api/v1/events/{slug}/agenda.ics',
        '/api/v1/events/{slug}/categories',
        '/api/v1/events/{slug}/exhibitors',
        '/api/v1/events/{slug}/exhibitors/{exhibitor}',
        '/api/v1/events/{slug}/listings',
        '/api/v1/events/{slug}/outcomes',
        '/api/v1/events/{slug}/questions',
        '/api/v1/events/{slug}/sessions',
        '/api/v1/events/{slug}/sessions/{session}',
        '/api/v1/events/{slug}/venues',
        '/api/v1/me/{token}/meetings',
      ].sort(),
    );
    for (const [template, item] of gets) {
      const routeFile = path.join(process.cwd(), 'app', template.replace(/\{(\w+)\}/g, '[$1]'), 'route.ts');
      const route = (await import(/* @vite-ignore */ routeFile)) as {
        GET: (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
      };
      const url = template.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
      const response = await route.GET(req(url), { params: Promise.resolve(values) });
      expect(response.status, url).toBe(200);
      const documentedType = Object.keys(item.get!.responses['200']!.content!)[0]!;
      expect(response.headers.get('content-type'), url).toContain(documentedType);
      const body = await response.text();
      if (documentedType === 'application/json') expect(Object.keys(JSON.parse(body)).length, url).toBeGreaterThan(0);
      else expect(body, url).toMatch(/^BEGIN:VCALENDAR/);
    }
  });
});

describe('iCalendar feeds', () => {
  it('parse, with stable UIDs, UTC times and one event per session', async () => {
    const text = await (await agendaIcs(req(`/api/v1/events/${EVENT}/agenda.ics?venue=tokyo`), slugParams())).text();
    const again = await (await agendaIcs(req(`/api/v1/events/${EVENT}/agenda.ics?venue=tokyo`), slugParams())).text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const tokyo = venueAgendas(await agenda(), { venue: 'tokyo' });
    expect(events.map((e) => e.uid).sort()).toEqual(tokyo.map((e) => `${e.session.id}@hybrid-forum`).sort());
    const opening = events.find((e) => e.summary === 'Opening Ceremony')!;
    const session = tokyo.find((e) => e.session.slug === 'opening-ceremony')!.session;
    expect(opening.startDate.toJSDate().toISOString()).toBe(session.startsAt.toISOString());
    expect(opening.startDate.zone?.tzid).toBe('UTC');
    expect(again.match(/UID:.*/g)).toEqual(text.match(/UID:.*/g));
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});
