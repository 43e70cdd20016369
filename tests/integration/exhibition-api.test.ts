import { eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exhibitorGet } from '@/app/api/v1/events/[slug]/exhibitors/[exhibitor]/route';
import { GET as exhibitorsGet } from '@/app/api/v1/events/[slug]/exhibitors/route';
import { GET as listingsGet } from '@/app/api/v1/events/[slug]/listings/route';
import { exhibitors, listings } from '@/db/schema';
import { useDatabase } from '@/lib/database/process-database';
import { seedDemoForum } from '@/lib/demo/seed';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { EVENT } from '../helpers/registration';

/*
 * The public exhibitor and technology API over the demo forum: three approved exhibitors
 * (siam-medtech TH, nanning-smart-data CN, mekong-agritech VN) and java-solar (ID) awaiting approval;
 * three published listings and one pending (siam-medtech's need).
 */

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
});
afterAll(() => t?.close());

const ctx = (extra: Record<string, string> = {}) => ({ params: Promise.resolve({ slug: EVENT, exhibitor: '', ...extra }) });
const req = (path: string, language = 'en') => new NextRequest(`http://localhost${path}`, { headers: { 'accept-language': language } });

type ExhibitorBody = { exhibitors: { slug: string; country: string; sectors: string[] }[]; next: string | null };
type ListingBody = {
  listings: {
    id: string;
    kind: string;
    trl: number;
    sector: string;
    author: { exhibitor: string | null; name: { en: string }; country: string };
  }[];
  next: string | null;
};

async function exhibitorsAt(query: string): Promise<ExhibitorBody> {
  const response = await exhibitorsGet(req(`/api/v1/events/${EVENT}/exhibitors${query}`), ctx());
  expect(response.status, query).toBe(200);
  return response.json();
}
async function listingsAt(query: string): Promise<ListingBody> {
  const response = await listingsGet(req(`/api/v1/events/${EVENT}/listings${query}`), ctx());
  expect(response.status, query).toBe(200);
  return response.json();
}

describe('GET /api/v1/events/{slug}/exhibitors', () => {
  it('lists approved exhibitors only, filtered by sector and country', async () => {
    expect((await exhibitorsAt('')).exhibitors.map((e) => e.slug).sort()).toEqual([
      'mekong-agritech',
      'nanning-smart-data',
      'siam-medtech',
    ]);
    expect((await exhibitorsAt('?sector=digital-technology')).exhibitors.map((e) => e.slug).sort()).toEqual([
      'mekong-agritech',
      'nanning-smart-data',
    ]);
    expect((await exhibitorsAt('?country=TH')).exhibitors.map((e) => e.slug)).toEqual(['siam-medtech']);
    expect((await exhibitorsAt('?country=ID')).exhibitors).toEqual([]); // java-solar is pending
    expect((await exhibitorsAt('?sector=marine')).exhibitors).toEqual([]);
  });

  it('pages by cursor without repeating or skipping, and ends with next null', async () => {
    const all = (await exhibitorsAt('')).exhibitors.map((e) => e.slug);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body: ExhibitorBody = await exhibitorsAt(`?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...body.exhibitors.map((e) => e.slug));
      cursor = body.next;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen).toEqual(all);
    expect(pages).toBe(3);
  });

  it('never shows contact people, emails or phones, nor a pending exhibitor', async () => {
    const list = await (await exhibitorsGet(req(`/api/v1/events/${EVENT}/exhibitors`), ctx())).text();
    const one = await (
      await exhibitorGet(req(`/api/v1/events/${EVENT}/exhibitors/siam-medtech`), ctx({ exhibitor: 'siam-medtech' }))
    ).text();
    const tech = await (await listingsGet(req(`/api/v1/events/${EVENT}/listings`), ctx())).text();
    const contacts = await t.db
      .select({ name: exhibitors.contactName, email: exhibitors.contactEmail, phone: exhibitors.contactPhone })
      .from(exhibitors);
    for (const body of [list, one, tech]) {
      for (const c of contacts) for (const value of [c.name, c.email, c.phone].filter(Boolean)) expect(body).not.toContain(value);
      expect(body).not.toMatch(/contact|email|phone|"status"/i);
    }
    const pending = await exhibitorGet(req(`/api/v1/events/${EVENT}/exhibitors/java-solar`), ctx({ exhibitor: 'java-solar' }));
    expect(pending.status).toBe(404);
    expect((await exhibitorGet(req('/x'), ctx({ exhibitor: 'no-such' }))).status).toBe(404);
    expect((await exhibitorGet(req('/x'), ctx({ exhibitor: '../../etc' }))).status).toBe(404);
  });

  it('shows one exhibitor with its booth and published listings only', async () => {
    const response = await exhibitorGet(req(`/api/v1/events/${EVENT}/exhibitors/siam-medtech`), ctx({ exhibitor: 'siam-medtech' }));
    const { exhibitor } = await response.json();
    expect(exhibitor).toMatchObject({ slug: 'siam-medtech', country: 'TH', booth: { venue: 'bangkok' } });
    expect(exhibitor.listings.map((l: { kind: string }) => l.kind)).toEqual(['offer']); // its need is pending
  });

  it('answers 404 for a forum that is not public and 422 in words for a bad query', async () => {
    expect((await exhibitorsGet(req('/x'), { params: Promise.resolve({ slug: 'no-such-forum' }) })).status).toBe(404);
    const bad = await exhibitorsGet(req(`/api/v1/events/${EVENT}/exhibitors?sector=space&country=thailand&limit=0`), ctx());
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      error: 'invalid query',
      fields: { sector: 'Choose one of the options.', country: 'Choose your country or region from the list.', limit: 'Enter 1 or more.' },
    });
    const typo = await exhibitorsGet(req(`/api/v1/events/${EVENT}/exhibitors?sectr=marine`), ctx());
    expect(typo.status).toBe(422);
    expect((await typo.json()).error).toBe('unknown query parameter: sectr');
    const cursor = await exhibitorsGet(req(`/api/v1/events/${EVENT}/exhibitors?cursor=nonsense`), ctx());
    expect((await cursor.json()).fields.cursor).toBe('This page link is out of date. Start again from the first page.');
    const zh = await exhibitorsGet(req(`/api/v1/events/${EVENT}/exhibitors?limit=500`, 'zh-CN'), ctx());
    expect((await zh.json()).fields.limit).not.toMatch(/[A-Za-z]{3}/);
  });
});

describe('GET /api/v1/events/{slug}/listings', () => {
  it('lists published listings of approved exhibitors only', async () => {
    const body = await listingsAt('');
    expect(body.listings).toHaveLength(3);
    const pending = await t.db.select({ id: listings.id }).from(listings).where(eq(listings.status, 'pending'));
    expect(body.listings.map((l) => l.id)).not.toContain(pending[0]!.id);
  });

  it('filters by kind, sector, country (own or sought), readiness range and words', async () => {
    expect((await listingsAt('?kind=need')).listings.map((l) => l.author.exhibitor)).toEqual(['nanning-smart-data']);
    expect((await listingsAt('?sector=big-health')).listings.map((l) => l.author.exhibitor)).toEqual(['siam-medtech']);
    // VN: mekong-agritech's own country, and a country siam-medtech's offer seeks partners in.
    expect((await listingsAt('?country=VN')).listings.map((l) => l.author.exhibitor).sort()).toEqual(['mekong-agritech', 'siam-medtech']);
    expect((await listingsAt('?trlMin=7')).listings.map((l) => l.trl).sort()).toEqual([7, 8]);
    expect((await listingsAt('?trlMax=7')).listings.map((l) => l.trl).sort()).toEqual([5, 7]);
    expect((await listingsAt('?trlMin=6&trlMax=7')).listings.map((l) => l.trl)).toEqual([7]);
    expect((await listingsAt('?trlMin=7&trlMax=7&kind=need')).listings).toEqual([]);
    const first = (await listingsAt('')).listings[0]!;
    const [row] = await t.db.select({ title: listings.title }).from(listings).where(eq(listings.id, first.id));
    const word = row!.title.en.split(' ')[0]!;
    expect((await listingsAt(`?q=${encodeURIComponent(word)}`)).listings.map((l) => l.id)).toContain(first.id);
    expect((await listingsAt('?q=%25%25nothing-like-this')).listings).toEqual([]);
  });

  it('pages two and one with a cursor', async () => {
    const first = await listingsAt('?limit=2');
    expect(first.listings).toHaveLength(2);
    const second = await listingsAt(`?limit=2&cursor=${encodeURIComponent(first.next!)}`);
    expect(second.listings).toHaveLength(1);
    expect(second.next).toBeNull();
    expect(new Set([...first.listings, ...second.listings].map((l) => l.id)).size).toBe(3);
  });

  it('refuses a reversed readiness range, an unknown kind and a long text in words', async () => {
    const bad = await listingsGet(req(`/api/v1/events/${EVENT}/listings?trlMax=12&kind=sell&q=${'x'.repeat(101)}`), ctx());
    expect(bad.status).toBe(422);
    expect((await bad.json()).fields).toEqual({
      trlMax: 'Enter 9 or less.',
      kind: 'Choose one of the options.',
      q: 'Use at most 100 characters.',
    });
    const reversed = await listingsGet(req(`/api/v1/events/${EVENT}/listings?trlMin=8&trlMax=3`), ctx());
    expect(reversed.status).toBe(422);
    expect((await reversed.json()).fields).toEqual({ trlMax: 'Enter 8 or more.' });
    for (const notALevel of ['ten', '7.5']) {
      const words = await listingsGet(req(`/api/v1/events/${EVENT}/listings?trlMin=${notALevel}`), ctx());
      expect(words.status).toBe(422);
      expect((await words.json()).fields).toEqual({ trlMin: 'Choose a readiness level from 1 (basic research) to 9 (proven in use).' });
    }
  });
});
