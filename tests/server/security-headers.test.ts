// The security headers of the production server (scripts/serve.ts), page by page and role by role,
// and on the programme's stored copy, whose policy must name the nonce the copy was rendered with.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, sessions } from '@/db/schema';
import { demoAccounts } from '@/lib/demo/demo-accounts';
import { seedDemo } from '@/lib/demo/demo';
import { grantEventRole, upsertUser } from '@/lib/auth/users';
import { ensureRendered } from '@/lib/mail-delivery/render-queued';
import { registerAttendee } from '@/lib/registration/register';
import { createAppDatabase, hasProductionBuild, startAppServer, type AppDatabase, type AppServer } from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import { freePort } from '../helpers/free-port';
import { EVENT, person } from '../helpers/registration';

const backend = usingPostgres ? 'postgres' : 'pglite';
const SECRET = 'security-headers-secret-security-headers-0123';
const SPEAKER = { email: 'speaker.headers@forum.test', password: 'speaker-headers-2026' };

if (!hasProductionBuild())
  console.warn('[server] skipped: no production build in .next; run `node scripts/ensure-build.mjs` (npm test builds first)');

/** The policy's nonce, and every nonce the page's scripts carry. */
function nonces(policy: string, html: string) {
  const inPolicy = /'nonce-([^']+)'/.exec(policy)?.[1];
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => /\snonce="([^"]+)"/.exec(m[0])?.[1] ?? null);
  return { inPolicy, scripts };
}

function expectPageHeaders(response: Response, html: string, what: string) {
  const policy = response.headers.get('content-security-policy') ?? '';
  expect(policy, what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(policy, what).toContain("frame-ancestors 'none'");
  expect(policy, what).toContain("object-src 'none'");
  expect(policy, what).not.toContain('unsafe-eval');
  expect(policy, what).not.toContain('upgrade-insecure-requests');
  expect(response.headers.get('x-frame-options'), what).toBe('DENY');
  expect(response.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  // APP_URL is http here: no HSTS (tests/unit/security-headers.test.ts covers https).
  expect(response.headers.get('strict-transport-security'), what).toBeNull();
  const { inPolicy, scripts } = nonces(policy, html);
  expect(scripts.length, what).toBeGreaterThan(0);
  expect(scripts, what).toEqual(scripts.map(() => inPolicy));
  return inPolicy!;
}

describe.skipIf(!hasProductionBuild())(`security headers, production server (${backend})`, () => {
  let database: AppDatabase;
  let server: AppServer;
  let managePath: string;
  let joinPath: string;
  const cookies: Record<'organiser' | 'speaker', string> = { organiser: '', speaker: '' };

  beforeAll(async () => {
    database = await createAppDatabase(backend, { tag: 'headers' });
    // Links made here must be the ones the server accepts: the same secret and address.
    const port = await freePort();
    Object.assign(process.env, { AUTH_SECRET: SECRET, APP_URL: `http://127.0.0.1:${port}` });
    const opened = await database.open();
    try {
      await seedDemo(opened.db);
      const speaker = await upsertUser(opened.db, { ...SPEAKER, name: 'Header Speaker' });
      await grantEventRole(opened.db, { userId: speaker, eventSlug: EVENT, role: 'speaker' });
      const [streamed] = await opened.db.select().from(sessions).where(eq(sessions.streamed, true)).limit(1);
      const created = await registerAttendee(
        opened.db,
        EVENT,
        person('headers', { mode: 'online', venue: undefined, sessions: [streamed!.id] }),
        { now: new Date('2026-12-01T00:00:00Z') },
      );
      if (!created.ok) throw new Error(JSON.stringify(created));
      const [row] = await opened.db.select().from(outbox).where(eq(outbox.registrationId, created.registration.id));
      const mail = await ensureRendered(opened.db, row!);
      // The links as the registrant gets them.
      managePath = /\/manage\/[A-Za-z0-9._~-]+/.exec(mail.text)![0];
      joinPath = /\/join\/[A-Za-z0-9._~-]+/.exec(mail.text)![0];
    } finally {
      await opened.close();
    }
    server = await startAppServer({ port, database, env: { AUTH_SECRET: SECRET } });
    cookies.organiser = await signIn(demoAccounts.organiser.email, demoAccounts.organiser.password);
    cookies.speaker = await signIn(SPEAKER.email, SPEAKER.password);
  }, 120_000);

  afterAll(async () => {
    await server?.kill9();
    await database?.drop();
  });

  /** Signs in through next-auth's own endpoints, as the sign-in form does; returns the cookie header. */
  async function signIn(email: string, password: string): Promise<string> {
    const csrf = await fetch(`${server.url}/api/auth/csrf`);
    const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const answer = await fetch(`${server.url}/api/auth/callback/password`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.join('; ') },
      body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    });
    const session = answer.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.includes('session-token'));
    if (!session) throw new Error(`sign-in as ${email} failed: ${answer.status}`);
    return [...jar, session].join('; ');
  }

  async function page(path: string, cookie?: string) {
    const response = await fetch(`${server.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    return { response, html: await response.text() };
  }

  it('every kind of page carries the policy, and its scripts carry the policy’s nonce', async () => {
    const visits: [string, string | undefined][] = [
      ['/', undefined],
      [`/events/${EVENT}`, undefined],
      [`/events/${EVENT}/agenda?venue=tokyo`, undefined],
      [`/events/${EVENT}/register`, undefined],
      [`/events/${EVENT}/speakers`, undefined],
      ['/privacy', undefined],
      ['/signin', undefined],
      [managePath, undefined],
      [joinPath, undefined],
      ['/speaker', cookies.speaker],
      ['/admin', cookies.organiser],
      [`/admin/events/${EVENT}`, cookies.organiser],
      [`/admin/events/${EVENT}/agenda`, cookies.organiser],
      [`/admin/events/${EVENT}/registrations`, cookies.organiser],
    ];
    const seen = new Set<string>();
    for (const [path, cookie] of visits) {
      const { response, html } = await page(path, cookie);
      expect(response.status, path).toBe(200);
      seen.add(expectPageHeaders(response, html, path));
    }
    // A nonce is never reused between requests.
    expect(seen.size).toBe(visits.length);
  });

  it('a redirect and a page that is not found carry the headers too', async () => {
    const redirect = await fetch(`${server.url}/admin`, { redirect: 'manual' });
    expect(redirect.status).toBeGreaterThanOrEqual(300);
    expect(redirect.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const missing = await page('/events/no-such-forum');
    expect(missing.response.status).toBe(404);
    expectPageHeaders(missing.response, missing.html, 'not found');
  });

  it('the programme’s stored copy is answered with the nonce it was rendered with', async () => {
    const path = `/events/${EVENT}/agenda`;
    const first = await page(path);
    const second = await page(path);
    expect(second.response.headers.get('x-hf-page-cache')).toBe('HIT');
    const nonce = expectPageHeaders(first.response, first.html, 'first programme visit');
    expect(expectPageHeaders(second.response, second.html, 'stored copy')).toBe(nonce);
    expect(second.html).toBe(first.html);
    // Compressed, the same copy and the same policy.
    const gzipped = await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-security-policy')).toBe(second.response.headers.get('content-security-policy'));
    expect(await gzipped.text()).toBe(first.html);
    // The router's own requests for the page are answered by Next.js, never with the stored copy.
    const payload = await fetch(`${server.url}${path}`, { headers: { rsc: '1' } });
    expect(payload.headers.get('x-hf-page-cache')).toBeNull();
  });

  it('JSON, calendar files and the language switch say nosniff', async () => {
    for (const path of ['/api/v1/events', `/api/v1/events/${EVENT}/agenda.ics`, '/api/health', '/locale?to=zh']) {
      const response = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });
});
