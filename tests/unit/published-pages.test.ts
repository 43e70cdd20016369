// The server's fast path for the published programme (lib/server/published-pages.ts), in front of a
// real HTTP server standing in for Next.js so each rule can be driven: what is stored, per language,
// what is never stored or replayed, freshness, and drops. tests/e2e/organiser.spec.ts covers it in
// front of the real Next.js build.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  cachedPage,
  cachedPageStats,
  dropCachedPages,
  MAX_CACHED_PAGE_BYTES,
  MAX_CACHED_PAGES,
  storePage,
  pageCacheGeneration,
  resetPageCache,
  type CachedPage,
} from '@/lib/agenda/published-page-cache';
import { PAGE_CACHE_HEADER, publishedPageServer } from '@/lib/server/published-pages';

const PROGRAMME = '/events/forum/agenda';
let clock = 1_000_000;
let version = 1;
let upstreamStatus = 200;
let upstreamCached = true;
let upstreamDelayMs = 0;
/** When set, the stand-in tells it has received a request, then holds its answer until the gate opens. */
let upstreamGate: { received: () => void; opened: Promise<void> } | null = null;
const upstreamRequests: { url: string; refill: boolean; locale: string }[] = [];

/** Stands in for Next.js: the page in the cookie's language, marked as coming from its page cache. */
async function nextStandIn(request: http.IncomingMessage, response: http.ServerResponse) {
  const locale =
    /hf_locale=(\w+)/.exec(request.headers.cookie ?? '')?.[1] ?? (/^zh/.test(request.headers['accept-language'] ?? '') ? 'zh' : 'en');
  upstreamRequests.push({ url: request.url ?? '', refill: Boolean(request.headers[PAGE_CACHE_HEADER]), locale });
  const body = `<html lang="${locale}">programme v${version}</html>`;
  if (upstreamDelayMs) await new Promise((resolve) => setTimeout(resolve, upstreamDelayMs));
  if (upstreamGate) {
    upstreamGate.received();
    await upstreamGate.opened;
  }
  response.writeHead(upstreamStatus, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 's-maxage=30, stale-while-revalidate=31535970',
    vary: 'rsc, next-router-state-tree',
    'set-cookie': 'visitor=someone; Path=/',
    'x-request-id': 'the-refills-own-id',
    ...(upstreamCached ? { 'x-nextjs-cache': 'HIT' } : {}),
  });
  response.end(body);
}

let server: http.Server;
let base = '';
let pages: ReturnType<typeof publishedPageServer>;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    void pages.serve(request, response).then(async (answered) => {
      if (!answered) await nextStandIn(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  pages = publishedPageServer({ port, host: '127.0.0.1', now: () => clock });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  dropCachedPages();
  version = 1;
  upstreamStatus = 200;
  upstreamCached = true;
  upstreamDelayMs = 0;
  upstreamGate = null;
  upstreamRequests.length = 0;
});

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('published page fast path', () => {
  it('renders once for a crowd at a cold page, then answers from memory with the same bytes', async () => {
    upstreamDelayMs = 50;
    const crowd = await Promise.all(Array.from({ length: 20 }, () => get(PROGRAMME)));
    for (const visit of crowd) {
      expect(visit.headers[PAGE_CACHE_HEADER]).toBe('MISS');
      expect(visit.body.toString()).toBe('<html lang="en">programme v1</html>');
    }
    expect(upstreamRequests).toEqual([{ url: PROGRAMME, refill: true, locale: 'en' }]);
    const next = await get(PROGRAMME);
    expect(next.headers[PAGE_CACHE_HEADER]).toBe('HIT');
    expect(next.body.toString()).toBe(crowd[0]!.body.toString());
    expect(next.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(next.headers['content-length']).toBe(String(next.body.length));
    expect(upstreamRequests).toHaveLength(1);
  });

  it('never replays a cookie Next.js set, and says the answer varies by encoding and language', async () => {
    await pages.refill(PROGRAMME, 'en');
    const hit = await get(PROGRAMME);
    expect(hit.headers[PAGE_CACHE_HEADER]).toBe('HIT');
    expect(hit.headers['set-cookie']).toBeUndefined();
    expect(hit.headers.vary).toBe('rsc, next-router-state-tree, Accept-Encoding, Cookie, Accept-Language');
    expect(hit.headers['x-nextjs-cache']).toBeUndefined();
  });

  it("answers each request with its own request id, never the refill's", async () => {
    await pages.refill(PROGRAMME, 'en');
    for (const id of ['visitor-one-0001', 'visitor-two-0002']) {
      const hit = await get(PROGRAMME, { 'x-request-id': id, 'accept-encoding': 'gzip' });
      expect(hit.headers[PAGE_CACHE_HEADER]).toBe('HIT');
      expect(hit.headers['x-request-id']).toBe(id);
    }
    expect((await get(PROGRAMME)).headers['x-request-id']).toBeUndefined();
  });

  it('keeps one copy per language, chosen by the cookie first and then Accept-Language', async () => {
    await pages.refill(PROGRAMME, 'en');
    await pages.refill(PROGRAMME, 'zh');
    expect((await get(PROGRAMME, { 'accept-language': 'zh-CN,zh;q=0.9' })).body.toString()).toContain('lang="zh"');
    expect((await get(PROGRAMME, { cookie: 'a=b; hf_locale=zh', 'accept-language': 'en' })).body.toString()).toContain('lang="zh"');
    expect((await get(PROGRAMME, { cookie: 'hf_locale=en', 'accept-language': 'zh' })).body.toString()).toContain('lang="en"');
    expect((await get(PROGRAMME)).body.toString()).toContain('lang="en"');
  });

  it('gzips for clients that accept it, and answers HEAD without a body', async () => {
    await pages.refill(PROGRAMME, 'en');
    const zipped = await get(PROGRAMME, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(zipped.body).toString()).toBe('<html lang="en">programme v1</html>');
    const head = await get(PROGRAMME, {}, 'HEAD');
    expect(head.headers[PAGE_CACHE_HEADER]).toBe('HIT');
    expect(head.body.length).toBe(0);
  });

  it('leaves queries, router requests, other methods and other pages to Next.js', async () => {
    await pages.refill(PROGRAMME, 'en');
    const passed = [
      await get(`${PROGRAMME}?segment=main`),
      await get(PROGRAMME, { rsc: '1' }),
      await get(PROGRAMME, { 'next-router-prefetch': '1' }),
      await get(PROGRAMME, {}, 'POST'),
      await get(`${PROGRAMME}/`),
      await get('/events/forum'),
      await get(PROGRAMME, { [PAGE_CACHE_HEADER]: 'refill' }),
    ];
    for (const answer of passed) expect(answer.headers[PAGE_CACHE_HEADER]).toBeUndefined();
  });

  it('never stores a page Next.js did not take from its page cache', async () => {
    upstreamCached = false;
    await pages.refill(PROGRAMME, 'en');
    expect((await get(PROGRAMME)).headers[PAGE_CACHE_HEADER]).toBeUndefined();
  });

  it('shows a change at once after a drop', async () => {
    await pages.refill(PROGRAMME, 'en');
    version = 2;
    expect((await get(PROGRAMME)).body.toString()).toContain('v1');
    dropCachedPages(PROGRAMME);
    const after = await get(PROGRAMME);
    expect(after.body.toString()).toContain('v2');
    expect(after.headers[PAGE_CACHE_HEADER]).toBe('MISS');
    expect((await get(PROGRAMME)).headers[PAGE_CACHE_HEADER]).toBe('HIT');
  });

  it('does not store a render that began before a drop', async () => {
    /** A refill whose render has reached Next.js and waits there until `open` is called. */
    const heldRefill = async () => {
      let received!: () => void;
      let open!: () => void;
      const reached = new Promise<void>((resolve) => (received = resolve));
      upstreamGate = { received, opened: new Promise<void>((resolve) => (open = resolve)) };
      const done = pages.refill(PROGRAMME, 'en');
      await reached;
      return { done, open };
    };
    const dropped = await heldRefill();
    dropCachedPages(PROGRAMME);
    dropped.open();
    await dropped.done;
    expect(cachedPage(PROGRAMME, 'en')).toBeUndefined();
    // The control: the same render, not dropped while it ran, is stored.
    const kept = await heldRefill();
    kept.open();
    await kept.done;
    expect(cachedPage(PROGRAMME, 'en')?.body.toString()).toBe('<html lang="en">programme v1</html>');
  });

  it('serves a stale page while it refills after s-maxage, and stops serving it when refills keep failing', async () => {
    await pages.refill(PROGRAMME, 'en');
    version = 2;
    clock += 31_000;
    const stale = await get(PROGRAMME);
    expect(stale.headers[PAGE_CACHE_HEADER]).toBe('STALE');
    expect(stale.body.toString()).toContain('v1');
    await pages.refill(PROGRAMME, 'en');
    const fresh = await get(PROGRAMME);
    expect(fresh.headers[PAGE_CACHE_HEADER]).toBe('HIT');
    expect(fresh.body.toString()).toContain('v2');

    upstreamStatus = 500;
    clock += 31_000 + 5 * 60_000;
    expect((await get(PROGRAMME)).headers[PAGE_CACHE_HEADER]).toBeUndefined();
  });

  it('forgets a page that is gone (event unpublished)', async () => {
    await pages.refill(PROGRAMME, 'en');
    upstreamStatus = 404;
    clock += 31_000;
    await pages.refill(PROGRAMME, 'en');
    expect((await get(PROGRAMME)).headers[PAGE_CACHE_HEADER]).toBeUndefined();
  });

  it('answers every percent-encoded spelling of the address from the one copy, rendered once under the canonical address', async () => {
    const spellings = [
      '/events/f%6Frum/agenda',
      '/events/%66orum/agenda',
      '/events/%66%6f%72%75%6d/agenda',
      '/events/%66%6F%72%75%6D/agenda',
    ];
    const first = await get(spellings[0]!);
    expect(first.headers[PAGE_CACHE_HEADER]).toBe('MISS');
    for (const spelling of spellings) expect((await get(spelling)).headers[PAGE_CACHE_HEADER]).toBe('HIT');
    expect((await get(PROGRAMME)).headers[PAGE_CACHE_HEADER]).toBe('HIT');
    expect(upstreamRequests).toEqual([{ url: PROGRAMME, refill: true, locale: 'en' }]);
    expect(cachedPageStats().entries).toBe(1);
  });

  it('leaves spellings that name no possible event to Next.js, storing nothing', async () => {
    for (const path of ['/events/%ff/agenda', '/events/Forum/agenda', '/events/for%2Fum/agenda', '/events/-forum/agenda']) {
      expect((await get(path)).headers[PAGE_CACHE_HEADER]).toBeUndefined();
    }
    expect(cachedPageStats()).toEqual({ entries: 0, bytes: 0 });
  });
});

describe('published page store', () => {
  const page = (bytes: number): CachedPage => ({
    status: 200,
    headers: {},
    body: Buffer.alloc(bytes),
    gzip: Buffer.alloc(bytes / 4),
    freshUntil: 1,
    usableUntil: 2,
  });

  it('holds at most MAX_CACHED_PAGES pages, dropping the oldest first', () => {
    for (let i = 0; i < MAX_CACHED_PAGES * 3; i++) storePage(`/events/e${i}/agenda`, 'en', page(1_000), pageCacheGeneration());
    expect(cachedPageStats()).toEqual({ entries: MAX_CACHED_PAGES, bytes: MAX_CACHED_PAGES * 1_250 });
    expect(cachedPage('/events/e0/agenda', 'en')).toBeUndefined();
    expect(cachedPage(`/events/e${MAX_CACHED_PAGES * 3 - 1}/agenda`, 'en')).toBeDefined();
  });

  it('holds at most MAX_CACHED_PAGE_BYTES, and counts a page stored again once', () => {
    const large = Math.floor(MAX_CACHED_PAGE_BYTES / 10);
    for (let i = 0; i < 30; i++) storePage(`/events/e${i}/agenda`, i % 2 ? 'zh' : 'en', page(large), pageCacheGeneration());
    for (let i = 0; i < 5; i++) storePage('/events/e29/agenda', 'zh', page(large), pageCacheGeneration());
    const { entries, bytes } = cachedPageStats();
    expect(bytes).toBeLessThanOrEqual(MAX_CACHED_PAGE_BYTES);
    expect(entries).toBe(Math.floor(MAX_CACHED_PAGE_BYTES / (large * 1.25)));
    dropCachedPages('/events/e29/agenda');
    expect(cachedPageStats()).toEqual({ entries: entries - 1, bytes: bytes - large * 1.25 });
    dropCachedPages();
    expect(cachedPageStats()).toEqual({ entries: 0, bytes: 0 });
  });
});

describe('another instance changed the programme (revalidate)', () => {
  const PREVIEW_ID = 'build-preview-id';
  /** Next.js's own cached copy per language: served as it is until a request carries the build's revalidate id. */
  const nextCopies = new Map<string, number>();
  const forced: string[] = [];
  let latest = 1;
  let standIn: http.Server;
  let fleetPages: ReturnType<typeof publishedPageServer>;
  let fleetBase = '';

  beforeAll(async () => {
    standIn = http.createServer((request, response) => {
      void fleetPages.serve(request, response).then((answered) => {
        if (answered) return;
        const locale = /^\/(\w\w)\//.exec(request.url ?? '')?.[1] ?? /hf_locale=(\w+)/.exec(request.headers.cookie ?? '')?.[1] ?? 'en';
        const regenerate = request.headers['x-prerender-revalidate'] === PREVIEW_ID;
        if (regenerate) {
          forced.push(request.url ?? '');
          nextCopies.set(locale, latest);
        } else if (!nextCopies.has(locale)) nextCopies.set(locale, latest);
        response.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          'cache-control': 's-maxage=30',
          'x-nextjs-cache': regenerate ? 'REVALIDATED' : 'HIT',
        });
        response.end(`<html lang="${locale}">programme v${nextCopies.get(locale)}</html>`);
      });
    });
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
    const { port } = standIn.address() as AddressInfo;
    fleetBase = `http://127.0.0.1:${port}`;
    fleetPages = publishedPageServer({ port, host: '127.0.0.1', now: () => clock, previewModeId: PREVIEW_ID });
  });
  afterAll(() => new Promise<void>((resolve) => standIn.close(() => resolve())));
  beforeEach(() => resetPageCache());

  const page = (locale: string) =>
    fetch(`${fleetBase}${PROGRAMME}`, { headers: { cookie: `hf_locale=${locale}` } }).then(async (r) => ({
      body: await r.text(),
      state: r.headers.get(PAGE_CACHE_HEADER),
    }));

  it('drops the copies held, has Next.js render them anew, then serves the new programme', async () => {
    expect((await page('en')).body).toContain('v1');
    expect((await page('en')).state).toBe('HIT');
    latest = 2;
    // Without a revalidation both caches keep the old programme.
    expect((await page('en')).body).toContain('v1');
    await fleetPages.revalidate(PROGRAMME);
    expect(forced[0]).toBe(`/en${PROGRAMME}`);
    // The regenerated answer itself is kept: no second request to Next.js.
    expect(cachedPage(PROGRAMME, 'en')?.body.toString()).toContain('v2');
    const after = await page('en');
    expect(after.body).toContain('v2');
    expect(after.state).toBe('HIT');
    // Only the languages held here are rendered anew.
    expect(forced).toEqual([`/en${PROGRAMME}`]);
    expect(cachedPage(PROGRAMME, 'zh')).toBeUndefined();
  });

  it('renders anew the copies this instance dropped itself a moment before (the instance that made the change)', async () => {
    await page('en');
    latest = 3;
    forced.length = 0;
    dropCachedPages(PROGRAMME);
    await fleetPages.revalidate(PROGRAMME);
    expect(forced[0]).toBe(`/en${PROGRAMME}`);
    expect(cachedPage(PROGRAMME, 'en')?.body.toString()).toContain('v3');
  });
});
