// The production server shares one render of a join page between the registrants who see the same
// page (lib/server/join-pages.ts): what each gets must be their own page, exactly as Next.js renders
// it for them, with links that work for them and for no one else, and entitlement must still be
// checked on every request.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrations, sessions } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { PAGE_CACHE_HEADER } from '@/lib/http/page-cache-header';
import { joinToken } from '@/lib/livestream/join-token';
import { streamRedirectPath, verifyStreamRedirect } from '@/lib/livestream/stream-redirect';
import { registerAttendee } from '@/lib/registration/register';
import { createAppDatabase, hasProductionBuild, startAppServer, type AppDatabase, type AppServer } from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import { freePort } from '../helpers/free-port';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

const backend = usingPostgres ? 'postgres' : 'pglite';
const FLOOR = 'https://cdn.hybrid-forum.example/keynote/floor.m3u8';
const ZH = 'https://cdn.hybrid-forum.example/keynote/zh.m3u8';

type Page = { how: string | null; html: string; status: number };

describe.skipIf(!hasProductionBuild())(`join pages shared between registrants, production server (${backend})`, () => {
  let database: AppDatabase;
  let server: AppServer;
  const ids: Record<string, string> = {};
  let keynote = '';

  beforeAll(async () => {
    database = await createAppDatabase(backend, { tag: 'joinshells' });
    // Join tokens are signed here with the server's secret.
    Object.assign(process.env, database.env);
    const opened = await database.open();
    try {
      await seedDemoForum(opened.db, { slug: EVENT, firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
      keynote = await sessionBySlug(opened.db, 'keynote-ai-public-health');
      await opened.db
        .update(sessions)
        .set({
          startsAt: sql`now() - interval '5 minutes'`,
          endsAt: sql`now() + interval '1 hour'`,
          livestreamUrl: FLOOR,
          interpretationUrls: { zh: ZH },
        })
        .where(eq(sessions.id, keynote));
      for (const [name, locale] of [
        ['a', 'en'],
        ['b', 'en'],
        ['c', 'en'],
        ['d', 'en'],
        ['gone', 'en'],
        ['zh', 'zh'],
      ] as const) {
        const result = await registerAttendee(
          opened.db,
          EVENT,
          person(`shell-${name}`, { mode: 'online', venue: undefined, sessions: [keynote], locale }),
          { now: new Date('2026-12-01T00:00:00Z') },
        );
        if (!result.ok) throw new Error(JSON.stringify(result));
        ids[name] = result.registration.id;
      }
      await opened.db.update(registrations).set({ status: 'cancelled' }).where(eq(registrations.id, ids.gone!));
    } finally {
      await opened.close();
    }
    server = await startAppServer({ port: await freePort(), database, env: { MAIL_WORKER: 'off' } });
  }, 240_000);

  afterAll(async () => {
    await server?.kill9();
    await database?.drop();
  });

  const tokenOf = (name: string) => joinToken(ids[name]!, keynote);
  async function open(path: string, headers: Record<string, string> = {}): Promise<Page> {
    const response = await fetch(`${server.url}${path}`, { headers });
    return { how: response.headers.get(PAGE_CACHE_HEADER), html: await response.text(), status: response.status };
  }
  const redirectsOf = (html: string) => [...html.matchAll(/\/api\/v1\/stream\/([A-Za-z0-9_.-]+)/g)].map((m) => m[1]!);
  /** The page without what differs between two renders for the same registrant: the nonce and the redirects' expiry and signature. */
  const comparable = (html: string) => {
    const nonce = /<script\b[^>]*\snonce="([^"]+)"/.exec(html)?.[1];
    const unnonced = nonce ? html.split(nonce).join('NONCE') : html;
    return unnonced.replace(/(\/api\/v1\/stream\/[0-9a-f-]+\.[0-9a-f-]+\.[a-z-]+)\.\d+\.[A-Za-z0-9_-]+/g, '$1.EXPIRES.SIGNATURE');
  };

  it('the first registrant of a page gets Next.js’s render, the second theirs checked against it, the third the shared one with their own links', async () => {
    const first = await open(`/join/${tokenOf('a')}`);
    const second = await open(`/join/${tokenOf('b')}`);
    const third = await open(`/join/${tokenOf('c')}`);
    expect([first.how, second.how, third.how]).toEqual(['RENDERED', 'CHECKED', 'SHELL']);
    expect(third.status).toBe(200);
    expect(third.html).toContain(tokenOf('c'));
    for (const other of ['a', 'b']) {
      expect(third.html).not.toContain(ids[other]!);
      expect(third.html).not.toContain(tokenOf(other));
    }
    // The selected channel (the floor: no English interpretation) as a fresh redirect for this registrant, which leads to its stream.
    const links = [...new Set(redirectsOf(third.html))];
    expect(links).toHaveLength(1);
    const check = verifyStreamRedirect(links[0]!);
    expect(check.ok && check.redirect.registrationId).toBe(ids.c);
    const followed = await fetch(`${server.url}/api/v1/stream/${links[0]}`, { redirect: 'manual' });
    expect(followed.status).toBe(302);
    expect(followed.headers.get('location')).toBe(FLOOR);
    // Byte for byte what Next.js renders for this registrant (the render header goes past the fast path).
    const direct = await open(`/join/${tokenOf('c')}`, { [PAGE_CACHE_HEADER]: 'render' });
    expect(direct.how).toBeNull();
    expect(comparable(third.html)).toBe(comparable(direct.html));
  });

  it('a cancelled registration is refused even though its page is shared, and a live one is served after it', async () => {
    const refused = await open(`/join/${tokenOf('gone')}`);
    expect(refused.how).toBeNull();
    expect(refused.html).toContain('data-testid="join-refused"');
    expect(redirectsOf(refused.html)).toEqual([]);
    const shared = await open(`/join/${tokenOf('d')}`);
    expect(shared.how).toBe('SHELL');
    expect(shared.html).not.toContain(ids.gone!);
    expect(redirectsOf(shared.html).every((link) => verifyStreamRedirect(link).ok)).toBe(true);
  });

  it('another language, channel or zone is another page; a signed-in visitor, another query or a forged token goes to Next.js', async () => {
    const chinese = await open(`/zh/join/${tokenOf('a')}`);
    expect(chinese.how).toBe('RENDERED');
    expect(chinese.html).toContain('lang="zh-CN"');
    // The Chinese registrant starts on Chinese interpretation: not the English registrants' page.
    const ownLanguage = await open(`/join/${tokenOf('zh')}`);
    expect(ownLanguage.how).toBe('RENDERED');
    expect(ownLanguage.html).toContain('data-channel="zh"');
    const picked = await open(`/join/${tokenOf('b')}?channel=zh`);
    expect(picked.how).toBe('RENDERED');
    const [chineseLink] = redirectsOf(picked.html);
    const toChinese = await fetch(`${server.url}/api/v1/stream/${chineseLink}`, { redirect: 'manual' });
    expect(toChinese.headers.get('location')).toBe(ZH);
    const zoned = await open(`/join/${tokenOf('b')}?tz=Asia%2FTokyo`);
    expect(zoned.how).toBe('RENDERED');
    const signedIn = await open(`/join/${tokenOf('c')}`, { cookie: 'authjs.session-token=whoever' });
    expect(signedIn.how).toBeNull();
    const otherQuery = await open(`/join/${tokenOf('c')}?utm_source=mail`);
    expect(otherQuery.how).toBeNull();
    const forged = await open(`/join/${tokenOf('c').slice(0, -2)}xx`);
    expect(forged.how).toBeNull();
    expect(redirectsOf(forged.html)).toEqual([]);
  });

  it('the server answers stream redirects itself, as the route does: to the stream, or refused in words with private headers', async () => {
    const follow = (path: string, method = 'GET') => fetch(`${server.url}${path}`, { redirect: 'manual', method });
    const live = await follow(streamRedirectPath({ registrationId: ids.d!, sessionId: keynote, target: 'live', channel: 'zh' }));
    expect(live.status).toBe(302);
    expect(live.headers.get('location')).toBe(ZH);
    for (const [name, value] of Object.entries({
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex',
      'x-content-type-options': 'nosniff',
    }))
      expect(live.headers.get(name), name).toBe(value);
    const head = await follow(streamRedirectPath({ registrationId: ids.d!, sessionId: keynote, target: 'live' }), 'HEAD');
    expect([head.status, head.headers.get('location')]).toEqual([302, FLOOR]);
    const expired = await follow(
      streamRedirectPath({ registrationId: ids.d!, sessionId: keynote, target: 'live' }, new Date(Date.now() - 10 * 60_000)),
    );
    expect([expired.status, await expired.json()]).toEqual([410, { error: 'This link has expired. Open the join page again.' }]);
    const forged = await follow(`${streamRedirectPath({ registrationId: ids.d!, sessionId: keynote, target: 'live' }).slice(0, -3)}xyz`);
    expect([forged.status, await forged.json()]).toEqual([403, { error: 'This link is not valid.' }]);
    const cancelled = await follow(streamRedirectPath({ registrationId: ids.gone!, sessionId: keynote, target: 'live' }));
    expect([cancelled.status, cancelled.headers.get('location'), await cancelled.json()]).toEqual([
      403,
      null,
      { error: 'This stream is not open to this registration now.' },
    ]);
    const noRecording = await follow(streamRedirectPath({ registrationId: ids.d!, sessionId: keynote, target: 'recording' }));
    expect(noRecording.status).toBe(403);
  });

  it.runIf(usingPostgres)('a registration cancelled while its page is shared is refused at its next request', async () => {
    expect((await open(`/join/${tokenOf('c')}`)).how).toBe('SHELL');
    const opened = await database.open();
    try {
      await opened.db.update(registrations).set({ status: 'cancelled' }).where(eq(registrations.id, ids.c!));
    } finally {
      await opened.close();
    }
    const after = await open(`/join/${tokenOf('c')}`);
    expect(after.how).toBeNull();
    expect(after.html).toContain('data-testid="join-refused"');
    expect(redirectsOf(after.html)).toEqual([]);
  });
});
