// The production server takes registrations itself (lib/server/registrations.ts), before Next.js:
// every answer must be the route's, status, body and headers, for whatever a client or an attacker
// sends, and what it writes must be what the route writes (one registration, its mail, the request's id).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, registrations } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { PAGE_CACHE_HEADER } from '@/lib/http/page-cache-header';
import { createAppDatabase, hasProductionBuild, startAppServer, type AppDatabase, type AppServer } from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import { freePort } from '../helpers/free-port';
import { EVENT, person } from '../helpers/registration';

const backend = usingPostgres ? 'postgres' : 'pglite';
const LIMIT = 4;
/**
 * Headers compared between the two servers: all but those of the connection, the clock and the
 * request's own id, and Next.js's compression: it gzips every route answer however small and lists
 * its router's request headers in Vary; the app server sends these few hundred bytes as they are
 * (fetch unzips, so the bodies are compared as read).
 */
const NOT_COMPARED = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'vary',
  'x-request-id',
  PAGE_CACHE_HEADER,
]);

type Answer = { status: number; body: string; headers: Record<string, string>; how: string | null };

describe.skipIf(!hasProductionBuild())(`registrations taken by the app server (${backend})`, () => {
  let database: AppDatabase;
  let server: AppServer;
  let client = 0;

  beforeAll(async () => {
    database = await createAppDatabase(backend, { tag: 'regfast' });
    const opened = await database.open();
    try {
      await seedDemoForum(opened.db, { slug: EVENT, firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
    } finally {
      await opened.close();
    }
    // Behind one trusted proxy, so that each case counts against the limit as a client of its own.
    server = await startAppServer({
      port: await freePort(),
      database,
      env: { MAIL_WORKER: 'off', TRUST_PROXY_HOPS: '1', RATE_LIMIT_REGISTRATIONS_PER_MINUTE: String(LIMIT) },
    });
  }, 240_000);

  afterAll(async () => {
    await server?.kill9();
    await database?.drop();
  });

  /** A POST as a client sends it, from `address`; `viaNext` adds the header that leaves the request to Next.js. */
  async function post(
    path: string,
    body: BodyInit | null,
    options: { address: string; headers?: Record<string, string>; viaNext?: boolean },
  ): Promise<Answer> {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': options.address,
        ...options.headers,
        ...(options.viaNext ? { [PAGE_CACHE_HEADER]: 'route' } : {}),
      },
      body,
    });
    const headers = Object.fromEntries([...response.headers].filter(([name]) => !NOT_COMPARED.has(name)));
    return { status: response.status, body: await response.text(), headers, how: response.headers.get(PAGE_CACHE_HEADER) };
  }

  /** The same request answered by the app server and by Next.js, each from a client address of its own. */
  async function both(path: string, body: () => BodyInit | null, headers: Record<string, string> = {}) {
    client += 1;
    const fast = await post(path, body(), { address: `198.51.100.${client}`, headers });
    const next = await post(path, body(), { address: `203.0.113.${client}`, headers, viaNext: true });
    expect([fast.how, next.how]).toEqual(['DIRECT', null]);
    return { fast: { ...fast, how: null }, next };
  }

  const registrationsPath = `/api/v1/events/${EVENT}/registrations`;
  const json = (value: unknown) => () => JSON.stringify(value);
  const cases: Array<[string, string, () => BodyInit | null, Record<string, string>, number]> = [
    [
      'no name, worded in Chinese',
      registrationsPath,
      json({ ...person('fast-invalid'), name: '' }),
      { 'accept-language': 'zh-CN,zh;q=0.9' },
      422,
    ],
    [
      'a venue that is not the forum’s',
      registrationsPath,
      json(person('fast-venue', { venue: 'atlantis' })),
      { 'accept-language': 'th' },
      422,
    ],
    ['not JSON', registrationsPath, () => '{"name":', {}, 422],
    ['no body', registrationsPath, () => null, {}, 422],
    ['an empty body', registrationsPath, () => '', {}, 422],
    ['a JSON array', registrationsPath, json([person('fast-array')]), {}, 422],
    ['bytes that are not UTF-8', registrationsPath, () => new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), {}, 400],
    ['nested past the limit', registrationsPath, () => `${'['.repeat(40)}${']'.repeat(40)}`, {}, 400],
    ['over 32 KB of JSON', registrationsPath, json({ ...person('fast-large'), organisation: 'x'.repeat(40_000) }), {}, 413],
    ['a form post', registrationsPath, () => 'name=x', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
    ['no such forum', '/api/v1/events/no-such-forum/registrations', json(person('fast-unknown')), {}, 404],
    ['a slug that is not one', '/api/v1/events/Not%20A%20Slug/registrations', json(person('fast-slug')), {}, 404],
    ['a query string', `${registrationsPath}?utm_source=mail`, json({ ...person('fast-query'), consent: false }), {}, 422],
  ];

  it.each(cases)('answers %s exactly as the route does through Next.js', async (_, path, body, headers, status) => {
    const { fast, next } = await both(path, body, headers);
    expect(fast).toEqual(next);
    expect(fast.status).toBe(status);
    expect(JSON.parse(fast.body)).toHaveProperty('error');
  });

  it('words a refused field in the caller’s language', async () => {
    const { fast } = await both(registrationsPath, json({ ...person('fast-zh'), name: '' }), { 'accept-language': 'zh-CN' });
    const { fields } = JSON.parse(fast.body) as { fields: Record<string, string> };
    expect(Object.values(fields).join(' ')).toMatch(/[\u4e00-\u9fff]/);
  });

  it('shares one limit with the route: a client over it is refused by both, with Retry-After', async () => {
    client += 1;
    const address = `198.51.100.${client}`;
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push((await post(registrationsPath, '{}', { address, viaNext: i % 2 === 1 })).status);
    expect(statuses).toEqual(Array.from({ length: LIMIT }, () => 422));
    const fast = await post(registrationsPath, '{}', { address });
    const next = await post(registrationsPath, '{}', { address, viaNext: true });
    expect(fast.how).toBe('DIRECT');
    expect({ ...fast, how: null }).toEqual(next);
    expect(fast.status).toBe(429);
    expect(Number(fast.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('leaves other methods and addresses to Next.js', async () => {
    const get = await fetch(`${server.url}${registrationsPath}`);
    expect(get.headers.get(PAGE_CACHE_HEADER)).toBeNull();
    expect(get.status).toBe(405);
    const slash = await fetch(`${server.url}${registrationsPath}/`, { method: 'POST', body: '{}', redirect: 'manual' });
    expect(slash.headers.get(PAGE_CACHE_HEADER)).toBeNull();
    expect(slash.status).toBe(308);
  });

  it('registers once (checked last, with the server stopped), with one mail carrying the request’s id, and answers an address already registered as the route does', async () => {
    client += 1;
    const address = `198.51.100.${client}`;
    const requestId = `fast-path-${Date.now()}`;
    const first = await post(registrationsPath, JSON.stringify(person('fast-new')), { address, headers: { 'x-request-id': requestId } });
    expect(first.how).toBe('DIRECT');
    expect(first.status).toBe(201);
    // The same address again, once through each: the same receipt, nothing said of the earlier registration.
    const again = await post(registrationsPath, JSON.stringify(person('fast-new')), { address });
    const viaNext = await post(registrationsPath, JSON.stringify(person('fast-new')), { address: `203.0.113.${client}`, viaNext: true });
    expect({ ...first, how: null }).toEqual({ ...again, how: null });
    expect({ ...again, how: null }).toEqual(viaNext);
    expect(JSON.parse(first.body)).toEqual({
      received: true,
      email: 'pfast-new@example.org',
      message: 'We have sent a confirmation with your manage link to pfast-new@example.org. Please check your inbox.',
    });

    // PGlite's directory is the server's while it runs.
    await server.stop();
    const opened = await database.open();
    try {
      const stored = await opened.db.select().from(registrations).where(eq(registrations.email, 'pfast-new@example.org'));
      expect(stored).toHaveLength(1);
      const mails = await opened.db.select().from(outbox).where(eq(outbox.registrationId, stored[0]!.id));
      // One confirmation, carrying the request's id; the repeats straight after it send no second mail.
      expect(mails.map((m) => [m.kind, m.requestId])).toEqual([['registration.confirmed', requestId]]);
    } finally {
      await opened.close();
    }
  });
});
