// Interpretation channels: a session's floor stream and one stream per language interpreted into,
// each behind the same entitlement and short-lived signed redirect as the floor. The join page
// offers every channel, starting on the registrant's own language; the organiser sets them in the
// session editor (https only, like the floor).
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as streamRoute } from '@/app/api/v1/stream/[token]/route';
import { sessionFormValues } from '@/lib/agenda/admin/editor-data';
import { saveSession } from '@/lib/agenda/admin/save-session';
import { sessions } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';
import { useDatabase } from '@/lib/database/process-database';
import { grantStreamAccess } from '@/lib/livestream/grants';
import { joinToken } from '@/lib/livestream/join-token';
import { joinView } from '@/lib/livestream/join-view';
import { streamRedirectPath } from '@/lib/livestream/stream-redirect';
import { cancelRegistration } from '@/lib/registration/manage';
import { registerAttendee } from '@/lib/registration/register';
import { actorFor } from '../helpers/actors';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { EVENT, person, sessionBySlug } from '../helpers/registration';

let t: TestDatabase;
let keynote: string;
const FLOOR = 'https://cdn.hybrid-forum.example/keynote/floor.m3u8';
const ZH = 'https://cdn.hybrid-forum.example/keynote/zh.m3u8';
const TH = 'https://cdn.hybrid-forum.example/keynote/th.m3u8';

beforeAll(async () => {
  t = await createTestDatabase();
  useDatabase(t);
  await seedDemoForum(t.db, { firstDay: '2026-12-24', now: new Date('2026-11-20T00:00:00Z') });
  keynote = await sessionBySlug(t.db, 'keynote-ai-public-health');
  // Live now (the redirect route uses the real clock), with a floor and two interpretation channels.
  await t.db
    .update(sessions)
    .set({
      startsAt: sql`now() - interval '5 minutes'`,
      endsAt: sql`now() + interval '1 hour'`,
      livestreamUrl: FLOOR,
      interpretationUrls: { zh: ZH, th: TH },
    })
    .where(eq(sessions.id, keynote));
});
afterAll(() => t?.close());

async function register(n: string, overrides: Record<string, unknown>) {
  const result = await registerAttendee(t.db, EVENT, person(n, overrides), { now: new Date('2026-12-01T00:00:00Z') });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.registration.id;
}

async function follow(path: string) {
  const token = path.split('/').pop()!;
  return streamRoute(new Request(`http://localhost${path}`), { params: Promise.resolve({ token }) });
}

const live = async (token: string, picked?: string) => {
  const view = await joinView(t.db, token, new Date(), picked);
  if (view.state !== 'live') throw new Error(`expected live, got ${view.state}`);
  return view;
};

describe(`interpretation channels (${usingPostgres ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('the join page offers the floor and each interpretation, starts on the registrant’s language, and each link leads to its own stream', async () => {
    const id = await register('channel-zh', { mode: 'online', venue: undefined, sessions: [keynote], locale: 'zh' });
    const token = joinToken(id, keynote);
    const view = await live(token);
    expect(view.channels.map((c) => c.channel)).toEqual(['floor', 'zh', 'th']);
    expect(view.selected?.channel).toBe('zh');
    expect(view.openPath).toBe(view.selected?.openPath);
    // The page holds signed redirects only, never a stream's address.
    expect(JSON.stringify(view.channels)).not.toContain('cdn.hybrid-forum.example');
    expect(view.channels.every((c) => c.player === 'hls')).toBe(true);

    const destinations = await Promise.all(view.channels.map(async (c) => (await follow(c.openPath)).headers.get('location')));
    expect(destinations).toEqual([FLOOR, ZH, TH]);

    // A picked channel wins; one the session does not offer falls back to the registrant's language.
    expect((await live(token, 'th')).selected?.channel).toBe('th');
    expect((await live(token, 'floor')).selected?.channel).toBe('floor');
    expect((await live(token, 'ja')).selected?.channel).toBe('zh');
    expect((await live(token, '<script>')).selected?.channel).toBe('zh');
  });

  it('a registrant whose language is not interpreted starts on the floor', async () => {
    const id = await register('channel-ko', { mode: 'online', venue: undefined, sessions: [keynote], locale: 'ko' });
    expect((await live(joinToken(id, keynote))).selected?.channel).toBe('floor');
  });

  it('a channel is entitled exactly as the floor: in-person and cancelled registrants are refused, a grant opens every channel', async () => {
    const inPerson = await register('channel-onsite', { mode: 'in_person', venue: 'bangkok', sessions: [keynote], locale: 'th' });
    expect(await joinView(t.db, joinToken(inPerson, keynote))).toEqual({ state: 'refused', reason: 'in-person' });
    // Even a correctly signed channel link leads nowhere for them.
    const signed = streamRedirectPath({ registrationId: inPerson, sessionId: keynote, target: 'live', channel: 'th' });
    const refused = await follow(signed);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('location')).toBeNull();

    const organiser = await actorFor(t.db, 'org.channels@forum.test', { eventSlug: EVENT, role: 'organiser' });
    const granted = await grantStreamAccess(t.db, organiser, EVENT, { email: 'pchannel-onsite@example.org' });
    expect(granted.ok).toBe(true);
    const open = await follow(streamRedirectPath({ registrationId: inPerson, sessionId: keynote, target: 'live', channel: 'th' }));
    expect([open.status, open.headers.get('location')]).toEqual([302, TH]);

    const online = await register('channel-cancel', { mode: 'online', venue: undefined, sessions: [keynote] });
    const paths = (await live(joinToken(online, keynote))).channels.map((c) => c.openPath);
    await cancelRegistration(t.db, online);
    for (const path of paths) expect((await follow(path)).status).toBe(403);
  });

  it('a channel the session does not offer, or a link whose channel was altered, opens nothing', async () => {
    const id = await register('channel-forge', { mode: 'online', venue: undefined, sessions: [keynote] });
    const ja = await follow(streamRedirectPath({ registrationId: id, sessionId: keynote, target: 'live', channel: 'ja' }));
    expect([ja.status, ja.headers.get('location')]).toEqual([403, null]);
    const zh = streamRedirectPath({ registrationId: id, sessionId: keynote, target: 'live', channel: 'zh' });
    expect((await follow(zh)).status).toBe(302);
    expect((await follow(zh.replace('.live-zh.', '.live-th.'))).status).toBe(403);
    expect((await follow(zh.replace('.live-zh.', '.live.'))).status).toBe(403);
  });

  it('without a floor stream the session is not streamed, whatever interpretation it lists', async () => {
    const id = await register('channel-nofloor', { mode: 'online', venue: undefined, sessions: [keynote] });
    const zh = streamRedirectPath({ registrationId: id, sessionId: keynote, target: 'live', channel: 'zh' });
    await t.db.update(sessions).set({ livestreamUrl: null }).where(eq(sessions.id, keynote));
    try {
      expect(await joinView(t.db, joinToken(id, keynote))).toEqual({ state: 'refused', reason: 'not-streamed' });
      expect((await follow(zh)).status).toBe(403);
    } finally {
      await t.db.update(sessions).set({ livestreamUrl: FLOOR }).where(eq(sessions.id, keynote));
    }
  });

  it('the organiser sets channels in the session editor: https only, empty ones dropped, kept when the form is saved again', async () => {
    const organiser = await actorFor(t.db, 'org.channels-editor@forum.test', { eventSlug: EVENT, role: 'organiser' });
    // Back on its seeded day: "live now" crosses midnight on Nanning's clock for an hour a day, and the
    // editor's times are one day's start and end there.
    await t.db
      .update(sessions)
      .set({ startsAt: new Date('2026-12-24T02:00:00Z'), endsAt: new Date('2026-12-24T03:00:00Z') })
      .where(eq(sessions.id, keynote));
    const values = (await sessionFormValues(t.db, organiser, EVENT, keynote))!;
    expect(values.interpretationUrls).toEqual({ en: '', zh: ZH, ja: '', ko: '', th: TH, vi: '' });

    const plain = await saveSession(t.db, organiser, EVENT, keynote, {
      ...values,
      interpretationUrls: { ...values.interpretationUrls, ja: 'http://cdn.hybrid-forum.example/ja.m3u8' },
      acknowledgeConflicts: true,
    });
    expect(plain).toMatchObject({ ok: false, code: 'invalid', fields: { interpretationUrls: expect.any(String) } });

    const JA = 'https://cdn.hybrid-forum.example/keynote/ja.m3u8';
    const saved = await saveSession(t.db, organiser, EVENT, keynote, {
      ...values,
      interpretationUrls: { ...values.interpretationUrls, ja: JA, th: '' },
      acknowledgeConflicts: true,
    });
    expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true });
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, keynote));
    expect(row!.interpretationUrls).toEqual({ zh: ZH, ja: JA });
  });
});
