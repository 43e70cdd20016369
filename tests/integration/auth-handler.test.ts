// This app's next-auth configuration as next-auth's own handler runs it: the pages it sends people
// to, the providers it lists, the session cookie a password sign-in sets (name, lifetime, flags,
// over http and over https) and sign-out closing the session. next-auth's request handler is the one
// the App Router route calls; its Node.js form is driven here, so no Next.js request is needed.
import NextAuth from 'next-auth';
import { decode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
const email = 'handler.sign-in@forum.test';
const password = 'correct horse battery staple';

/** The lib/auth modules read APP_URL once per module graph: a fresh graph for each address. */
async function appAt(appUrl: string) {
  process.env.APP_URL = appUrl;
  vi.resetModules();
  const { useDatabase: attachDatabase } = await import('@/lib/database/process-database');
  attachDatabase(t);
  const options = await import('@/lib/auth/options');
  const sessions = await import('@/lib/auth/sessions');
  const current = await import('@/lib/auth/current');
  const { appSecret } = await import('@/lib/security/secret');
  return { ...options, ...sessions, ...current, secret: appSecret() };
}
type App = Awaited<ReturnType<typeof appAt>>;

/** What next-auth's Node.js handler writes to its response. */
class RecordedResponse {
  statusCode = 200;
  readonly headers = new Map<string, string | string[]>();
  body: unknown;
  status(code: number) {
    this.statusCode = code;
    return this;
  }
  getHeader(name: string) {
    return this.headers.get(name.toLowerCase());
  }
  setHeader(name: string, value: string | string[]) {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }
  end() {
    return this;
  }
  json(body: unknown) {
    this.body = body;
    return this;
  }
  send(body: unknown) {
    this.body = body;
    return this;
  }
  get location() {
    return this.getHeader('location') as string | undefined;
  }
  /** Each Set-Cookie header by the cookie's name. */
  get cookies(): Map<string, string> {
    const headers = [this.getHeader('set-cookie') ?? []].flat();
    return new Map(headers.map((header) => [header.slice(0, header.indexOf('=')), header]));
  }
}

type Call = { body?: Record<string, string>; cookies?: Record<string, string>; query?: Record<string, string> };

async function nextAuth(app: App, method: 'GET' | 'POST', path: string, { body, cookies = {}, query = {} }: Call = {}) {
  const response = new RecordedResponse();
  const request = {
    method,
    query: { nextauth: path.split('/'), ...query },
    body,
    cookies,
    headers: { host: new URL(process.env.APP_URL!).host, 'x-forwarded-for': '203.0.113.40' },
  };
  await NextAuth(request as never, response as never, app.authOptions());
  return response;
}

/** The cookie expires when the session row does: SESSION_MAX_AGE_SECONDS (12 hours) from now. */
function expectTwelveHours(setCookie: string) {
  const expires = Date.parse(setCookie.match(/Expires=([^;]+)/)![1]!);
  expect(Math.abs(expires - (Date.now() + 12 * 60 * 60 * 1000))).toBeLessThan(60_000);
}

const cookieValue = (setCookie: string) => decodeURIComponent(setCookie.slice(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));

/** next-auth's CSRF pair: the cookie it sets and the token a form posts back. */
async function csrf(app: App) {
  const answer = await nextAuth(app, 'GET', 'csrf');
  const [name, header] = [...answer.cookies][0]!;
  return { cookie: { [name]: cookieValue(header) }, token: (answer.body as { csrfToken: string }).csrfToken };
}

async function signIn(app: App) {
  const { cookie, token } = await csrf(app);
  return nextAuth(app, 'POST', 'callback/password', {
    body: { csrfToken: token, email, password, locale: 'en', json: 'true' },
    cookies: cookie,
  });
}

beforeAll(async () => {
  t = await createTestDatabase();
  await appAt('http://127.0.0.1:4321');
  const { upsertUser } = await import('@/lib/auth/users');
  await upsertUser(t.db, { email, name: 'Handler Sign-in', password });
});
afterAll(() => t?.close());

describe("next-auth's pages are this app's", () => {
  it("next-auth's own sign-in page and error page send people to /signin", async () => {
    const app = await appAt('http://127.0.0.1:4321');
    const signInPage = await nextAuth(app, 'GET', 'signin');
    expect([signInPage.statusCode, signInPage.location]).toEqual([302, '/signin?callbackUrl=http%3A%2F%2F127.0.0.1%3A4321']);
    const errorPage = await nextAuth(app, 'GET', 'error', { query: { error: 'Configuration' } });
    expect([errorPage.statusCode, errorPage.location]).toEqual([302, '/signin?error=Configuration']);
  });

  it('lists its two ways of signing in by name', async () => {
    const app = await appAt('http://127.0.0.1:4321');
    const providers = (await nextAuth(app, 'GET', 'providers')).body as Record<string, { name: string; type: string }>;
    expect(Object.fromEntries(Object.entries(providers).map(([id, { name, type }]) => [id, { name, type }]))).toEqual({
      password: { name: 'Email and password', type: 'credentials' },
      'magic-link': { name: 'Email link', type: 'credentials' },
    });
  });
});

describe('the session cookie of a password sign-in', () => {
  it('over http: next-auth.session-token, HttpOnly, SameSite=Lax, not Secure, for 12 hours, holding a live session', async () => {
    const app = await appAt('http://127.0.0.1:4321');
    const answer = await signIn(app);
    expect(answer.body).toEqual({ url: 'http://127.0.0.1:4321' });
    const header = answer.cookies.get('next-auth.session-token');
    expect(header).toBeDefined();
    expect(app.sessionCookieName()).toBe('next-auth.session-token');
    const flags = header!.split('; ').slice(1);
    expect(flags).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax']));
    expect(flags).not.toContain('Secure');
    expectTwelveHours(header!);
    expect(await app.actorFromSessionCookie(cookieValue(header!))).toMatchObject({ email });
  });

  it('over https: __Secure-next-auth.session-token, Secure, the name route handlers read', async () => {
    const app = await appAt('https://forum.example.org');
    const answer = await signIn(app);
    expect(answer.body).toEqual({ url: 'https://forum.example.org' });
    const header = answer.cookies.get('__Secure-next-auth.session-token');
    expect(header?.split('; ')).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax']));
    expectTwelveHours(header!);
    expect(answer.cookies.has('next-auth.session-token')).toBe(false);
    expect(app.sessionCookieName()).toBe('__Secure-next-auth.session-token');
    expect(await app.actorFromSessionCookie(cookieValue(header!))).toMatchObject({ email });
  });

  it("a wrong password sets no session cookie and answers next-auth's error route", async () => {
    const app = await appAt('http://127.0.0.1:4321');
    const { cookie, token } = await csrf(app);
    const answer = await nextAuth(app, 'POST', 'callback/password', {
      body: { csrfToken: token, email, password: 'not the password', json: 'true' },
      cookies: cookie,
    });
    expect(answer.cookies.has('next-auth.session-token')).toBe(false);
    // next-auth's error route, which sends the browser on to /signin?error=… (the test above).
    expect(answer.statusCode).toBe(401);
    expect((answer.body as { url: string }).url).toBe('http://127.0.0.1:4321/api/auth/error?error=CredentialsSignin&provider=password');
  });
});

describe("signing out through next-auth's handler", () => {
  it('closes the session row and clears the cookie', async () => {
    const app = await appAt('http://127.0.0.1:4321');
    const sessionCookie = cookieValue((await signIn(app)).cookies.get('next-auth.session-token')!);
    const { sessionToken } = (await decode({ token: sessionCookie, secret: app.secret }))!;
    expect(await app.actorForSession(t.db, sessionToken as string)).not.toBeNull();
    const { cookie, token } = await csrf(app);
    const answer = await nextAuth(app, 'POST', 'signout', {
      body: { csrfToken: token, json: 'true' },
      cookies: { ...cookie, 'next-auth.session-token': sessionCookie },
    });
    expect(answer.cookies.get('next-auth.session-token')).toMatch(/^next-auth\.session-token=;.*Max-Age=0/);
    expect(await app.actorForSession(t.db, sessionToken as string)).toBeNull();
    expect(await app.actorFromSessionCookie(sessionCookie)).toBeNull();
  });
});

describe("a cookie's session token that is not a string", () => {
  it('is a session that ended, answered as such (not a database error)', async () => {
    const app = await appAt('http://127.0.0.1:4321');
    const { callbacks } = app.authOptions();
    for (const sessionToken of [12345, { token: 'x' }, ['x']])
      await expect(callbacks!.jwt!({ token: { email, sessionToken } } as never)).rejects.toThrow(
        'the session was closed, has expired or its account is disabled',
      );
  });
});

describe('the email-link provider', () => {
  it('refuses a post with no credentials at all, without throwing', async () => {
    const app = await appAt('http://127.0.0.1:4321');
    type Provider = { options: { id: string; authorize: (credentials: undefined, request: object) => Promise<unknown> } };
    for (const id of ['magic-link', 'password']) {
      const provider = (app.authOptions().providers as unknown as Provider[]).find((p) => p.options.id === id)!;
      await expect(provider.options.authorize(undefined, { headers: {}, body: {}, query: {}, method: 'POST' })).resolves.toBeNull();
    }
  });
});
