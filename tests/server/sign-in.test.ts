// Sign-in against the production server (scripts/serve.ts), as a browser speaks to next-auth:
// the password throttle shared by two instances on one PostgreSQL (one instance on PGlite), the
// session answer after sign-out and after account:disable, and where sign-out sends the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAccountDisabled } from '@/lib/auth/disable-account';
import { upsertUser } from '@/lib/auth/users';
import { createAppDatabase, hasProductionBuild, startAppServer, type AppDatabase, type AppServer } from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import { freePort } from '../helpers/free-port';

const backend = usingPostgres ? 'postgres' : 'pglite';
const PASSWORD = 'server-test-password-2026';
const accounts = { guessed: 'guessed@forum.test', session: 'session@forum.test', disabled: 'disabled@forum.test' };

if (!hasProductionBuild())
  console.warn('[server] skipped: no production build in .next; run `node scripts/ensure-build.mjs` (npm test builds first)');

/** A browser's cookie jar against one server, speaking next-auth's HTTP protocol. */
class Browser {
  cookies = new Map<string, string>();
  constructor(
    readonly server: AppServer,
    readonly clientAddress: string,
  ) {}

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const response = await fetch(`${this.server.url}${path}`, {
      method: init.method ?? 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        // Behind one proxy of ours (TRUST_PROXY_HOPS=1) this names the client.
        'x-forwarded-for': this.clientAddress,
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const [name, ...value] = pair!.split('=');
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(cookie)) this.cookies.delete(name!);
      else this.cookies.set(name!, value.join('='));
    }
    return response;
  }

  async csrf(): Promise<string> {
    return ((await (await this.request('/api/auth/csrf')).json()) as { csrfToken: string }).csrfToken;
  }

  /** What next-auth's signIn(…, { redirect: false }) sees: the status and the error in the answer's URL. */
  async signIn(email: string, password: string): Promise<{ status: number; error: string | null }> {
    const form = { email, password, csrfToken: await this.csrf(), callbackUrl: '/admin', json: 'true' };
    const response = await this.request('/api/auth/callback/password', { method: 'POST', form });
    const { url } = (await response.json()) as { url: string };
    return { status: response.status, error: new URL(url).searchParams.get('error') };
  }

  async session(): Promise<{ text: string; body: Record<string, unknown> }> {
    const text = await (await this.request('/api/auth/session')).text();
    return { text, body: JSON.parse(text) as Record<string, unknown> };
  }

  async signOut(): Promise<string> {
    const response = await this.request('/api/auth/signout', {
      method: 'POST',
      form: { csrfToken: await this.csrf(), callbackUrl: '/', json: 'true' },
    });
    return ((await response.json()) as { url: string }).url;
  }
}

describe.skipIf(!hasProductionBuild())(`sign-in on the production server (${backend})`, () => {
  let database: AppDatabase;
  const servers: AppServer[] = [];

  beforeAll(async () => {
    database = await createAppDatabase(backend, { tag: 'signin' });
    const opened = await database.open();
    for (const email of Object.values(accounts)) await upsertUser(opened.db, { email, password: PASSWORD });
    await opened.close();
    // PGlite belongs to one process; PostgreSQL gets two instances, as behind a load balancer.
    for (let i = 0; i < (backend === 'postgres' ? 2 : 1); i++) {
      servers.push(await startAppServer({ port: await freePort(), database, env: { TRUST_PROXY_HOPS: '1' } }));
    }
  }, 180_000);

  afterAll(async () => {
    for (const server of servers) await server.kill9();
    await database?.drop();
  });

  const instance = (i: number) => servers[i % servers.length]!;

  it('refuses the right password after 40 wrong ones from 40 addresses across the instances, and says how long to wait', async () => {
    const started = performance.now();
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await new Browser(instance(i), `203.0.113.${i + 1}`).signIn(accounts.guessed, `guess-${i}`));
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(answers.slice(0, 5).map((a) => a.error)).toEqual(Array.from({ length: 5 }, () => 'CredentialsSignin'));
    expect(answers.slice(5).every((a) => a.status === 401 && /^TooManyAttempts:\d+$/.test(a.error ?? ''))).toBe(true);

    const owner = await new Browser(instance(1), '192.0.2.7').signIn(accounts.guessed, PASSWORD);
    expect(owner.status).toBe(401);
    expect(owner.error).toMatch(/^TooManyAttempts:\d+$/);
    expect(Number(owner.error!.split(':')[1])).toBeLessThanOrEqual(60);
  });

  it('answers signed-out to the old cookie after sign-out, and never hands the session token to the browser', async () => {
    const browser = new Browser(instance(0), '198.51.100.20');
    expect(await browser.signIn(accounts.session, PASSWORD)).toEqual({ status: 200, error: null });
    const signedIn = await browser.session();
    expect(signedIn.body).toMatchObject({ user: { email: accounts.session } });
    expect(Object.keys(signedIn.body).sort()).toEqual(['expires', 'user']);
    expect(signedIn.text).not.toMatch(/sessionToken/i);

    const oldCookies = new Map(browser.cookies);
    // Sign-out sends the browser to the app's own address (APP_URL), not to http://localhost:3000.
    expect(await browser.signOut()).toBe(`${instance(0).url}/`);
    const replay = new Browser(instance(1), '198.51.100.20');
    replay.cookies = oldCookies;
    expect((await replay.session()).body).toEqual({});
  });

  it.skipIf(backend === 'pglite')('answers signed-out to the cookie of an account disabled meanwhile', async () => {
    const browser = new Browser(instance(0), '198.51.100.21');
    expect(await browser.signIn(accounts.disabled, PASSWORD)).toEqual({ status: 200, error: null });
    expect((await browser.session()).body).toMatchObject({ user: { email: accounts.disabled } });
    const opened = await database.open({ maxConnections: 1 });
    await setAccountDisabled(opened.db, accounts.disabled, true);
    await opened.close();
    expect((await browser.session()).body).toEqual({});
  });
});
