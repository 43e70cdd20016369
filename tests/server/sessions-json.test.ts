// The production server answers the sessions JSON itself (lib/server/sessions-json.ts), before
// Next.js: its answers must be the route's, status, body and headers, in every case a client meets,
// with seats left live and a compressed copy never older than its body.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoForum } from '@/lib/demo/seed';
import { PAGE_CACHE_HEADER } from '@/lib/http/page-cache-header';
import { createAppDatabase, hasProductionBuild, startAppServer, type AppDatabase, type AppServer } from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import { freePort } from '../helpers/free-port';
import { EVENT, person } from '../helpers/registration';

const backend = usingPostgres ? 'postgres' : 'pglite';
const HEADERS_COMPARED = ['content-type', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'retry-after'];

type Answer = { status: number; body: string; headers: Record<string, string | null>; encoding: string | null; how: string | null };

describe.skipIf(!hasProductionBuild())(`the sessions JSON answered by the app server (${backend})`, () => {
  let database: AppDatabase;
  let server: AppServer;

  beforeAll(async () => {
    database = await createAppDatabase(backend, { tag: 'sessionsjson' });
    const opened = await database.open();
    try {
      await seedDemoForum(opened.db, { slug: EVENT, firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
    } finally {
      await opened.close();
    }
    server = await startAppServer({ port: await freePort(), database, env: { MAIL_WORKER: 'off' } });
  }, 240_000);

  afterAll(async () => {
    await server?.kill9();
    await database?.drop();
  });

  /** An answer as the client sees it, raw bytes unzipped here; `viaNext` sends the header that the fast path leaves to Next.js. */
  function get(path: string, headers: Record<string, string> = {}, viaNext = false): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const request = http.get(
        `${server.url}${path}`,
        { headers: { ...headers, ...(viaNext ? { [PAGE_CACHE_HEADER]: 'refill' } : {}) } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            const raw = Buffer.concat(chunks);
            const encoding = (response.headers['content-encoding'] as string | undefined) ?? null;
            resolve({
              status: response.statusCode!,
              body: (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'),
              headers: Object.fromEntries(HEADERS_COMPARED.map((name) => [name, (response.headers[name] as string | undefined) ?? null])),
              encoding,
              how: (response.headers[PAGE_CACHE_HEADER] as string | undefined) ?? null,
            });
          });
        },
      );
      request.on('error', reject);
    });
  }

  const cases: Array<[string, Record<string, string>]> = [
    ['', {}],
    ['?venue=tokyo', {}],
    ['?venue=bangkok&day=2026-12-24&language=th', {}],
    ['?q=keynote', {}],
    ['?venue=atlantis', { 'accept-language': 'zh-CN,zh;q=0.9' }],
    ['?venu=tokyo', {}],
    ['?day=tomorrow', { 'accept-language': 'th' }],
  ];

  it('answers every filter, refusal and unknown forum exactly as the route does through Next.js', async () => {
    for (const [query, headers] of cases) {
      const fast = await get(`/api/v1/events/${EVENT}/sessions${query}`, headers);
      const next = await get(`/api/v1/events/${EVENT}/sessions${query}`, headers, true);
      expect([fast.how, next.how]).toEqual(['SNAPSHOT', null]);
      expect({ query, ...fast, how: null }).toEqual({ query, ...next });
    }
    const unknown = await get('/api/v1/events/no-such-forum/sessions');
    expect({ ...unknown, how: null }).toEqual(await get('/api/v1/events/no-such-forum/sessions', {}, true));
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ error: 'No such forum' });
  });

  it('words a refusal in the caller’s language and names an unknown parameter', async () => {
    const venue = await get(`/api/v1/events/${EVENT}/sessions?venue=atlantis`, { 'accept-language': 'zh-CN' });
    expect(venue.status).toBe(422);
    const fields = (JSON.parse(venue.body) as { fields: { venue: string } }).fields;
    expect(fields.venue).toMatch(/[\u4e00-\u9fff]/);
    const typo = await get(`/api/v1/events/${EVENT}/sessions?venu=tokyo`);
    expect(typo.status).toBe(422);
    expect(JSON.parse(typo.body).error).toBe('unknown query parameter: venu');
  });

  it('shows a registration’s seat at once, compressed or not, and HEAD answers without a body', async () => {
    const path = `/api/v1/events/${EVENT}/sessions`;
    const seatsOf = (answer: Answer) =>
      (JSON.parse(answer.body) as { sessions: Array<{ slug: string; seatsLeft: number | null }> }).sessions.find(
        (s) => s.slug === 'young-scientists-workshop',
      )!.seatsLeft!;
    const gzipBefore = await get(path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(gzipBefore.encoding).toBe('gzip');
    const before = seatsOf(gzipBefore);
    expect(seatsOf(await get(path))).toBe(before);

    const workshop = (JSON.parse(gzipBefore.body) as { sessions: Array<{ id: string; slug: string }> }).sessions.find(
      (s) => s.slug === 'young-scientists-workshop',
    )!.id;
    const registered = await fetch(`${server.url}/api/v1/events/${EVENT}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(person('sessions-json-seat', { sessions: [workshop] })),
    });
    expect(registered.status).toBe(201);
    const gzipAfter = await get(path, { 'accept-encoding': 'gzip' });
    expect(gzipAfter.encoding).toBe('gzip');
    expect(seatsOf(gzipAfter)).toBe(before - 1);
    expect(seatsOf(await get(path))).toBe(before - 1);
    expect(gzipAfter.body).toBe((await get(path, {}, true)).body);

    const head = await fetch(`${server.url}${path}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('application/json');
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });
});
