// Hostile input to every route handler and every server action of the production server: broken
// percent-encoding, impossible page positions, malformed, invalid-UTF-8, deeply nested and oversized
// bodies, foreign origins. Whatever is refused is refused with a 4xx; a 5xx anywhere fails. The routes
// come from app/ (every route.ts and the methods it exports) and the actions from the build's
// manifest, so a new route or action is covered without editing this file.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAppDatabase,
  hasProductionBuild,
  seedDemoInto,
  startAppServer,
  type AppDatabase,
  type AppServer,
} from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import { freePort } from '../helpers/free-port';

const backend = usingPostgres ? 'postgres' : 'pglite';
const root = path.resolve(import.meta.dirname, '..', '..');
const SLUG = 'china-asean-tech-forum';
const UUID = '00000000-0000-4000-8000-000000000000';
const BAD_CURSOR = `9999-99-99T99:99:99.999999Z_${UUID}`;

if (!hasProductionBuild())
  console.warn('[server] skipped: no production build in .next; run `node scripts/ensure-build.mjs` (npm test builds first)');

/** Every route.ts under app/, as a URL template (no locale prefix: the proxy adds it) and its methods. */
function routeHandlers(): { template: string; methods: string[] }[] {
  const found: { template: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const source = fs.readFileSync(full, 'utf8');
        const methods = [
          ...source.matchAll(
            /export\s+(?:(?:async\s+)?function|const)\s+(GET|POST|PUT|PATCH|DELETE)\b|\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g,
          ),
        ].map((m) => m[1] ?? m[2]!);
        found.push({ template: urlTemplate(path.relative(path.join(root, 'app'), path.dirname(full))), methods: [...new Set(methods)] });
      }
    }
  };
  walk(path.join(root, 'app'));
  return found;
}

/** Every server action in the build, with a page it can be posted to. */
function serverActions(): { id: string; name: string; template: string }[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  return Object.entries(manifest.node).map(([id, action]) => ({
    id,
    name: `${action.filename ?? '?'}#${action.exportedName ?? '?'}`,
    template: urlTemplate(
      Object.keys(action.workers)[0]!
        .replace(/^app\//, '')
        .replace(/\/page$/, ''),
    ),
  }));
}

function urlTemplate(appRelative: string): string {
  const parts = appRelative
    .split(path.sep)
    .join('/')
    .split('/')
    .filter((p) => p && p !== '[locale]' && !/^\(.*\)$/.test(p));
  return `/${parts.join('/')}`;
}

/** The template with its dynamic segments filled: plausible values, or one hostile value everywhere. */
function fill(template: string, hostile?: string): string {
  return template.replace(/\[\.\.\.(\w+)\]|\[(\w+)\]/g, (_, rest: string | undefined, name: string | undefined) => {
    if (hostile !== undefined) return hostile;
    if (rest) return 'session';
    if (name === 'slug') return SLUG;
    if (name === 'file') return 'schedule.ics';
    return UUID;
  });
}

const HOSTILE_SEGMENTS = ['%ff', '%e0%80%80', '%00', '..%2f..%2fetc', 'a'.repeat(3000), '%3Cscript%3E', `${UUID}%ff`];
const HOSTILE_QUERY = `?after=${BAD_CURSOR}&before=${BAD_CURSOR}&q=%ff&tz=%ff&speaker=%ff&size=%ff&callbackUrl=%ff&sort=x&locale=%ff`;

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const INVALID_UTF8 = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","email":"x@example.org"}')]);

type Body = { label: string; type?: string; body?: string | Buffer; headers?: Record<string, string> };

const ROUTE_BODIES: Body[] = [
  { label: 'no body' },
  { label: 'broken JSON', type: 'application/json', body: '{bad' },
  { label: 'invalid UTF-8 JSON', type: 'application/json', body: INVALID_UTF8 },
  { label: '5,000-deep JSON', type: 'application/json', body: deep(5000) },
  { label: '5,000-deep object', type: 'application/json', body: deepObject(5000) },
  { label: 'JSON of the wrong shape', type: 'application/json', body: '[1,"x",null,{"a":[]}]' },
  { label: 'oversized JSON', type: 'application/json', body: JSON.stringify({ name: 'x'.repeat(100_000) }) },
  { label: 'broken form', type: 'application/x-www-form-urlencoded', body: '%ff=%ff&csrfToken=%zz&email' },
  { label: 'broken multipart', type: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data\r\n\r\n' },
  { label: 'foreign origin', type: 'application/json', body: '{}', headers: { origin: 'https://evil.example' } },
  { label: 'null origin', type: 'application/json', body: '{}', headers: { origin: 'null' } },
];

function multipart(fields: Record<string, string>): { type: string; body: string } {
  const boundary = '----fuzzboundary';
  const body = Object.entries(fields)
    .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
    .join('');
  return { type: `multipart/form-data; boundary=${boundary}`, body: `${body}--${boundary}--\r\n` };
}

const HOSTILE_VALUES = ['%ff', '<script>alert(1)</script>', 'x\r\nBcc: evil@evil.example', 'a'.repeat(20_000), '\u0000', '9999-99-99'];

/** Argument lists for an action: shapes a genuine form never sends. */
function actionBodies(): Body[] {
  const text = (label: string, body: string | Buffer, headers?: Record<string, string>): Body => ({
    label,
    type: 'text/plain;charset=UTF-8',
    body,
    headers,
  });
  return [
    text('no arguments', '[]'),
    text('nulls', '[null,null,null,null]'),
    text('numbers', '[1,2,3,4]'),
    text('objects', '[{},{},{},{}]'),
    text('arrays', '[[],[],[],[]]'),
    ...HOSTILE_VALUES.map((value) => text(`strings ${JSON.stringify(value.slice(0, 20))}`, JSON.stringify([value, value, value, value]))),
    text(
      'the slug, then hostile values',
      JSON.stringify([SLUG, UUID, { mode: '%ff', sessions: [{}], venue: [], email: 1, name: ['x'] }, 'x']),
    ),
    text('the slug, then a deep value', `["${SLUG}","${UUID}",${deepObject(60)}]`),
    text('many arguments', JSON.stringify(Array.from({ length: 2000 }, () => 'x'))),
    text('broken JSON', '{bad'),
    text('invalid UTF-8', INVALID_UTF8),
    text('5,000-deep arguments', deep(5000)),
    text('5,000-deep object', `["${SLUG}",${deepObject(5000)}]`),
    text('oversized arguments', JSON.stringify([SLUG, 'x'.repeat(100_000)])),
    text('foreign origin', JSON.stringify([SLUG, {}]), { origin: 'https://evil.example' }),
    text('React references to nothing', '["$K1","$Q2","$@3","$F4","$T"]'),
    {
      label: 'a form of hostile fields',
      ...multipart({
        '0': `["${SLUG}","$K1"]`,
        '1_mode': '%ff',
        '1_sessions': 'x',
        '1_confirm': 'yes',
        '1_email': 'x@x',
        '1_subject': 'a'.repeat(1000),
      }),
    },
    { label: 'a form whose arguments nest 5,000 deep', ...multipart({ '0': deep(5000) }) },
    {
      label: 'a broken multipart body',
      type: 'multipart/form-data; boundary=xyz',
      body: '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n["x"',
    },
  ];
}

describe.skipIf(!hasProductionBuild())(
  `fuzz: every route and server action answers hostile input with a 4xx, never a 5xx (${backend})`,
  () => {
    let database: AppDatabase;
    let server: AppServer;
    let organiserCookie = '';
    const fiveHundreds: string[] = [];

    beforeAll(async () => {
      database = await createAppDatabase(backend, { tag: 'fuzz' });
      await seedDemoInto(database);
      // The registration limit would answer 429 before the body is read; raise it so the body is fuzzed.
      server = await startAppServer({
        port: await freePort(),
        database,
        env: { RATE_LIMIT_REGISTRATIONS_PER_MINUTE: '100000' },
        readyTimeoutMs: 180_000,
      });
      organiserCookie = await signIn(server.url, 'organiser@forum.demo', 'demo-organiser-2026');
    }, 200_000);
    afterAll(async () => {
      await server?.kill9();
      await database?.drop();
    });

    async function send(
      label: string,
      pathAndQuery: string,
      init: { method: string; body?: Body; cookie?: string; headers?: Record<string, string> },
    ) {
      const headers: Record<string, string> = { ...init.headers, ...init.body?.headers };
      if (init.body?.type) headers['content-type'] = init.body.type;
      if (init.cookie) headers.cookie = init.cookie;
      const response = await fetch(`${server.url}${pathAndQuery}`, {
        method: init.method,
        headers,
        body: init.body?.body as BodyInit | undefined,
        redirect: 'manual',
      });
      const text = await response.text();
      if (response.status >= 500)
        fiveHundreds.push(
          `${response.status} ${init.method} ${pathAndQuery.slice(0, 120)} [${label}]${init.cookie ? ' as organiser' : ''}: ${text.slice(0, 160)}`,
        );
      return response.status;
    }

    it('finds every route handler and server action', () => {
      const routes = routeHandlers();
      expect(routes.map((r) => r.template)).toContain('/api/v1/events/[slug]/registrations');
      expect(routes.find((r) => r.template === '/api/auth/[...nextauth]')?.methods).toEqual(['GET', 'POST']);
      expect(routes.every((r) => r.methods.length > 0)).toBe(true);
      // The build's manifest lists every exported action of every actions file in app/ (a stale build would not).
      const actions = serverActions().map((a) => a.name);
      const declared: string[] = [];
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (/^actions\.tsx?$/.test(entry.name)) {
            for (const m of fs.readFileSync(full, 'utf8').matchAll(/export async function (\w+)/g))
              declared.push(`${path.relative(root, full).split(path.sep).join('/')}#${m[1]}`);
          }
        }
      };
      walk(path.join(root, 'app'));
      expect(declared).toContain('app/[locale]/events/[slug]/register/actions.ts#registerAction');
      expect(actions.sort()).toEqual(declared.sort());
    });

    it('route handlers: hostile path segments, query strings and bodies, signed out and as an organiser', async () => {
      for (const route of routeHandlers()) {
        for (const cookie of ['', organiserCookie]) {
          for (const method of route.methods) {
            for (const hostile of [undefined, ...HOSTILE_SEGMENTS])
              await send('segment', fill(route.template, hostile), { method, cookie });
            await send('query', `${fill(route.template)}${HOSTILE_QUERY}`, { method, cookie });
            if (method !== 'GET') for (const body of ROUTE_BODIES) await send(body.label, fill(route.template), { method, body, cookie });
          }
        }
      }
      // The cases the attack found, by name.
      await send('password callback', '/api/auth/callback/password', {
        method: 'POST',
        body: { label: 'broken JSON', type: 'application/json', body: '{bad' },
      });
      for (const list of ['registrations', 'mail', 'audit']) {
        await send('bad cursor', `/admin/events/${SLUG}/${list}?after=${BAD_CURSOR}&before=${BAD_CURSOR}`, {
          method: 'GET',
          cookie: organiserCookie,
        });
      }
      for (const page of [
        '/events/%ff/agenda',
        '/events/%ff',
        '/manage/%ff',
        '/admin/events/%ff/registrations',
        `/events/${SLUG}/agenda?q=%ff&tz=%ff`,
      ])
        await send('page', page, { method: 'GET' });
      expect(fiveHundreds).toEqual([]);
    }, 900_000);

    it('server actions: malformed, deep, oversized and foreign-origin calls, signed out and as an organiser', async () => {
      for (const action of serverActions()) {
        for (const cookie of ['', organiserCookie]) {
          for (const body of actionBodies()) {
            await send(`${action.name} ${body.label}`, fill(action.template), {
              method: 'POST',
              body,
              cookie,
              headers: { 'next-action': action.id },
            });
          }
          // The same action posted as a form without script (no Next-Action header).
          await send(`${action.name} as a plain form`, fill(action.template), {
            method: 'POST',
            body: { label: 'form', ...multipart({ [`$ACTION_ID_${action.id}`]: '', mode: '%ff' }) },
            cookie,
          });
          await send(`${action.name} as a plain form with broken bound arguments`, fill(action.template), {
            method: 'POST',
            body: {
              label: 'form',
              ...multipart({ $ACTION_REF_1: '', '$ACTION_1:0': `{"id":"${action.id}","bound":"$@1"}`, '$ACTION_1:1': '{bad' }),
            },
            cookie,
          });
        }
      }
      expect(fiveHundreds).toEqual([]);
    }, 900_000);
  },
);

/** Signs in with a password through next-auth, as a browser would, and returns the session cookie. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const answer = await fetch(`${base}/api/auth/callback/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
    redirect: 'manual',
  });
  const session = answer.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`sign-in failed: ${answer.status}`);
  return session;
}
