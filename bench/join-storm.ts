// `npx tsx bench/join-storm.ts` (needs the production build and DATABASE_URL, the PostgreSQL server's
// admin URL; `npm run bench -- --only join-storm` runs it alone): issue 21 item 2, the opening
// ceremony's join storm, against a real running server.
//
// A fresh PostgreSQL database with the demo forum and an opening ceremony streamed live now; 20,000
// registrants may watch it (`--tokens`): online ones who chose it, and every 50th an in-person
// registrant the organisers granted stream access. Then, against the production server
// (scripts/serve.ts), `--connections` clients each:
//   1. the health floor: GET /api/health (a `select 1`) for 10 s: the framework's cost per request;
//   2. the join storm: every registrant's own join page (/join/<token>) once, 20,000 distinct tokens;
//   3. the redirect storm: every registrant's /api/v1/stream/<signed link> once (the join page's
//      link, minted here with the same secret and function at the moment it is sent, so a slow storm
//      never meets an expired one).
// During 2 and 3 the bench cancels registrations (lib/registration/manage.ts, as the registrant's own
// manage page does) and revokes grants (lib/livestream/grants.ts, as an organiser does), picking
// registrants just ahead of the storm's position, and checks every answer: each request sent after
// its registrant's cancellation or revocation committed must be a refusal (the join page's refusal,
// or 403), every other answer 200 with a watch link (join page) or 302 to the stream (redirect).
// Writes bench/results/join-storm-<time>.json with the load average beside every figure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { resultRows } from '@/db/rows';
import { events, venues } from '@/db/schema';
import { actorForSession, openSession } from '@/lib/auth/sessions';
import { grantEventRole, upsertUser } from '@/lib/auth/users';
import { seedDemoForum } from '@/lib/demo/seed';
import { revokeStreamAccess } from '@/lib/livestream/grants';
import { joinToken } from '@/lib/livestream/join-token';
import { streamRedirectPath } from '@/lib/livestream/stream-redirect';
import { cancelRegistration } from '@/lib/registration/manage';
import { createAppDatabase, startAppServer } from '../tests/helpers/app-process';
import { summariseCpuProfile } from './support/cpu-profile';
import { type DistinctAnswer, distinctGetStorm, type StormResult } from './support/distinct-requests';
import { measureGet } from './support/load';
import { round } from './support/stats';

const { values: args } = parseArgs({
  options: {
    tokens: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '50' },
    'cap-seconds': { type: 'string', default: '150' },
    port: { type: 'string', default: process.env.PORT ?? '3811' },
    /** Start the server with --cpu-prof into this directory and print where its CPU went. */
    profile: { type: 'string' },
  },
});
const N = Number(args.tokens);
const CONNECTIONS = Number(args.connections);
const CAP = Number(args['cap-seconds']);
const PORT = Number(args.port);
const EVENT = 'china-asean-tech-forum';
const STREAM_URL = 'https://stream.example.org/opening/index.m3u8';
const WARM = 50;
/** Every GRANT_EVERY-th registrant is in person and watches by an organiser's grant. */
const GRANT_EVERY = 50;
/** Refusals to make during each storm (cancellations, and revocations among the granted). */
const CANCELS = 150;
const REVOKES = 30;

const load = () => os.loadavg().map((l) => +l.toFixed(2));
const log = (line: string) => console.log(`[join-storm ${new Date().toISOString().slice(11, 19)}] ${line}`);

type Registrant = { id: string; email: string; granted: boolean };

async function seed(db: Awaited<ReturnType<Awaited<ReturnType<typeof createAppDatabase>>['open']>>['db']) {
  await seedDemoForum(db, { slug: EVENT });
  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.slug, EVENT));
  const [venue] = await db
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.eventId, event!.id), eq(venues.slug, 'nanning')));
  const total = N + WARM;
  const session = resultRows<{ id: string }>(
    await db.execute(sql`
    insert into sessions (event_id, slug, title, kind, segment, starts_at, ends_at, venue_id, capacity, streamed, livestream_url)
    values (${event!.id}, 'opening-ceremony-live', '{"en":"Opening ceremony"}'::jsonb, 'ceremony', 'opening',
            now() - interval '5 minutes', now() + interval '3 hours', ${venue!.id}, null, true, ${STREAM_URL})
    returning id`),
  );
  const sessionId = session[0]!.id;
  // g % GRANT_EVERY = 1: in person in Nanning, watching by a grant; the rest online, having chosen the ceremony.
  await db.execute(sql`
    insert into registrations (event_id, email, name, organisation, country, participant_type, mode, venue_id, status, consent_at, manage_token_hash)
    select ${event!.id}, 'storm' || g || '@example.org', 'Storm Registrant ' || g, 'Organisation ' || (g % 700), 'TH', 'university',
           (case when g % ${GRANT_EVERY} = 1 then 'in_person' else 'online' end)::attendance_mode,
           case when g % ${GRANT_EVERY} = 1 then ${venue!.id}::uuid end, 'confirmed', now(), 'storm-' || g
    from generate_series(1, ${total}) as g`);
  await db.execute(sql`
    insert into registration_sessions (registration_id, session_id, status)
    select id, ${sessionId}, 'confirmed' from registrations where event_id = ${event!.id} and email like 'storm%' and mode = 'online'`);
  await db.execute(sql`
    insert into stream_grants (event_id, email)
    select ${event!.id}, email from registrations where event_id = ${event!.id} and email like 'storm%' and mode = 'in_person'`);
  await db.execute(sql`
    update sessions set confirmed_count = (select count(*) from registration_sessions where session_id = ${sessionId}) where id = ${sessionId}`);
  await db.execute(sql`vacuum analyze`);
  const rows = resultRows<{ id: string; email: string; mode: string; g: number }>(
    await db.execute(sql`
    select id, email, mode, substring(email from 6 for position('@' in email) - 6)::int as g
    from registrations where event_id = ${event!.id} and email like 'storm%' order by g`),
  );
  const all: Registrant[] = rows.map((r) => ({ id: r.id, email: r.email, granted: r.mode === 'in_person' }));
  return { sessionId, warm: all.slice(0, WARM), storm: all.slice(WARM) };
}

/**
 * A refusal commits somewhere between `startedAt` (the cancellation or revocation was sent) and
 * `committedAt` (its transaction had returned here): an answer in between may be either.
 */
type Refusal = { i: number; kind: 'cancelled' | 'revoked'; startedAt: number; committedAt: number };

/**
 * While a storm runs: every 100 ms refuse one registrant a little ahead of the storm's position
 * (`position()`), a cancellation or, for a granted one, a revocation, and note when it committed.
 */
function refuseAhead(
  storm: Registrant[],
  position: () => number,
  refuse: (r: Registrant) => Promise<void>,
  done: () => boolean,
  taken: Set<number>,
) {
  const refusals: Refusal[] = [];
  let cancels = 0;
  let revokes = 0;
  const run = async () => {
    while (!done() && (cancels < CANCELS || revokes < REVOKES)) {
      const wantGrant = revokes < REVOKES && (cancels >= CANCELS || refusals.length % 5 === 4);
      let i = position() + 5 + Math.floor(Math.random() * 150);
      if (wantGrant) i = i - (i % GRANT_EVERY) + GRANT_EVERY; // the next granted (index i ↔ g = i + WARM + 1)
      while (i < storm.length && (taken.has(i) || storm[i]!.granted !== wantGrant)) i += wantGrant ? GRANT_EVERY : 1;
      if (i >= storm.length) break;
      taken.add(i);
      const startedAt = performance.now();
      await refuse(storm[i]!);
      refusals.push({ i, kind: storm[i]!.granted ? 'revoked' : 'cancelled', startedAt, committedAt: performance.now() });
      if (storm[i]!.granted) revokes += 1;
      else cancels += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { refusals, running: run() };
}

type Check = {
  refusalsMade: { cancelled: number; revoked: number };
  /** Requests sent after their refusal committed: how many, and how many were still served a link. */
  sentAfterRefusal: number;
  servedAfterRefusal: number;
  /** Requests answered after their refusal began and sent before it had committed (either answer is right). */
  inFlightAtRefusal: number;
  /** Answers to registrants never refused (or refused after the answer) that were not the expected success. */
  unexpected: number;
  unexpectedSamples: string[];
  ok: boolean;
};

function check(
  answers: DistinctAnswer[],
  refusals: Refusal[],
  isServed: (a: DistinctAnswer) => boolean,
  isRefused: (a: DistinctAnswer) => boolean,
  alreadyRefused: Set<number>,
): Check {
  const refusedAt = new Map(refusals.map((r) => [r.i, r]));
  let sentAfterRefusal = 0;
  let servedAfterRefusal = 0;
  let inFlightAtRefusal = 0;
  let unexpected = 0;
  const unexpectedSamples: string[] = [];
  for (const a of answers) {
    const refusal = alreadyRefused.has(a.i)
      ? { startedAt: Number.NEGATIVE_INFINITY, committedAt: Number.NEGATIVE_INFINITY }
      : refusedAt.get(a.i);
    if (refusal !== undefined && a.sentAt > refusal.committedAt) {
      sentAfterRefusal += 1;
      if (!isRefused(a)) servedAfterRefusal += 1;
    } else if (refusal !== undefined && a.answeredAt > refusal.startedAt) {
      inFlightAtRefusal += 1;
      if (!isServed(a) && !isRefused(a)) unexpected += 1;
    } else if (!isServed(a)) {
      unexpected += 1;
      if (unexpectedSamples.length < 5) unexpectedSamples.push(`${a.status} ${a.body.slice(0, 200)}`);
    }
  }
  return {
    refusalsMade: {
      cancelled: refusals.filter((r) => r.kind === 'cancelled').length,
      revoked: refusals.filter((r) => r.kind === 'revoked').length,
    },
    sentAfterRefusal,
    servedAfterRefusal,
    inFlightAtRefusal,
    unexpected,
    unexpectedSamples,
    ok: servedAfterRefusal === 0 && unexpected === 0,
  };
}

/** What of a join page the checks need: whether it links to the stream, or refuses. */
const joinOutcome = (body: string) =>
  body.includes('data-testid="join-refused"') ? 'refused' : body.includes('href="/api/v1/stream/') ? 'link' : body.slice(0, 300);

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL (the PostgreSQL admin URL) is needed');
  const loadAtStart = load();
  const database = await createAppDatabase('postgres', { tag: 'joinstorm' });
  process.env.AUTH_SECRET = database.env.AUTH_SECRET;
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  const opened = await database.open({ maxConnections: 3 });
  try {
    const db = opened.db;
    const seedStarted = performance.now();
    const { sessionId, warm, storm } = await seed(db);
    const seedSeconds = round((performance.now() - seedStarted) / 1000, 1);
    log(`seeded ${storm.length + warm.length} registrants in ${seedSeconds} s`);
    const organiserId = await upsertUser(db, { email: 'storm.organiser@forum.test', name: 'Storm organiser' });
    await grantEventRole(db, { userId: organiserId, eventSlug: EVENT, role: 'organiser' });
    const organiser = (await actorForSession(db, await openSession(db, organiserId)))!;
    const refuse = async (r: Registrant) => {
      if (r.granted) await revokeStreamAccess(db, organiser, EVENT, r.email);
      else {
        const outcome = await cancelRegistration(db, r.id);
        if (!outcome.ok) throw new Error(`cancel failed: ${JSON.stringify(outcome)}`);
      }
    };

    server = await startAppServer({
      port: PORT,
      database,
      nodeArgs: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile)}`] : [],
    });
    const base = server.url;
    // A server that dies mid-storm answers nothing more: say so with its last output, not as a slow storm.
    let serverExit: number | string | null | undefined;
    let stopping = false;
    void server.exited.then((code) => {
      if (stopping) return;
      serverExit = code;
      log(`the server exited (${code}) during the run; its last output:\n${server?.output()}`);
    });
    const joinPath = (r: Registrant) => `/join/${joinToken(r.id, sessionId)}`;
    const streamPath = (r: Registrant) => streamRedirectPath({ registrationId: r.id, sessionId, target: 'live' });
    // Warm-up: the first requests load the routes' modules.
    for (const r of warm) {
      const page = await fetch(`${base}${joinPath(r)}`);
      if (joinOutcome(await page.text()) !== 'link') throw new Error(`warm-up join page ${page.status} without a link`);
      const redirect = await fetch(`${base}${streamPath(r)}`, { redirect: 'manual' });
      if (redirect.status !== 302) throw new Error(`warm-up redirect answered ${redirect.status}`);
    }
    for (let i = 0; i < 20; i++) await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());

    // The floor is measured just before each storm, so both sides of a ratio meet the same machine.
    const healthFloor = async () => {
      const loadAverage = load();
      const cpu0 = server!.cpuMs() ?? 0;
      const health = await measureGet(`${base}/api/health`, { connections: CONNECTIONS, seconds: 10 });
      const serverCpuMsPerRequest = round(((server!.cpuMs() ?? 0) - cpu0) / Math.max(1, health.requests), 2);
      log(`health floor ${round(health.perSecond)} req/s (${serverCpuMsPerRequest} ms CPU each), load ${loadAverage.join(' / ')}`);
      return { ...health, serverCpuMsPerRequest, loadAverage };
    };

    const taken = new Set<number>();
    const runStorm = async (name: string, pathOf: (r: Registrant) => string, keep: (body: string) => string) => {
      const loadBefore = load();
      let position = 0;
      let finished = false;
      const refusing = refuseAhead(
        storm,
        () => position,
        refuse,
        () => finished,
        taken,
      );
      const storming = distinctGetStorm({
        baseUrl: base,
        count: storm.length,
        connections: CONNECTIONS,
        capSeconds: CAP,
        path: (i) => {
          position = i;
          return pathOf(storm[i]!);
        },
        serverCpuMs: () => server!.cpuMs(),
        keep,
      });
      const { result, answers } = await storming.finally(() => (finished = true));
      await refusing.running;
      log(
        `${name}: ${result.answered} answers in ${result.seconds} s, ${result.perSecond}/s, p95 ${result.p95Ms} ms, codes ${JSON.stringify(result.statusCodes)}`,
      );
      return { result, answers, refusals: refusing.refusals, loadBefore, loadAfter: load() };
    };

    const joinFloor = await healthFloor();
    const before = new Set(taken);
    const join = await runStorm('join pages', joinPath, joinOutcome);
    const joinCheck = check(
      join.answers,
      join.refusals,
      (a) => a.status === 200 && a.body === 'link',
      (a) => a.status === 200 && a.body === 'refused',
      before,
    );
    const afterJoin = new Set(taken);
    const streamFloor = await healthFloor();
    const stream = await runStorm('stream redirects', streamPath, (body) => body.slice(0, 200));
    const streamCheck = check(
      stream.answers,
      stream.refusals,
      (a) => a.status === 302 && a.location === STREAM_URL,
      (a) => a.status === 403,
      afterJoin,
    );

    // Throughput against the floor, and the floor's CPU per request against the route's (what the
    // ratio would be if the server's CPU were the only limit).
    const ratios = (r: StormResult, floor: Awaited<ReturnType<typeof healthFloor>>) => ({
      ofHealthFloor: `${Math.round((r.perSecond / floor.perSecond) * 100)}%`,
      cpuRatioToHealth: `${Math.round((floor.serverCpuMsPerRequest / r.serverCpuMsPerRequest) * 100)}%`,
    });
    const result = {
      at: new Date().toISOString(),
      method: `HTTP to the production server (scripts/serve.ts), PostgreSQL, ${CONNECTIONS} connections, each of ${storm.length} registrants' URLs once`,
      registrants: storm.length,
      granted: storm.filter((r) => r.granted).length,
      seedSeconds,
      loadAverageAtStart: loadAtStart,
      joinPage: {
        healthFloor: joinFloor,
        ...join.result,
        ...ratios(join.result, joinFloor),
        loadAverage: [join.loadBefore, join.loadAfter],
        check: joinCheck,
      },
      streamRedirect: {
        healthFloor: streamFloor,
        ...stream.result,
        ...ratios(stream.result, streamFloor),
        loadAverage: [stream.loadBefore, stream.loadAfter],
        check: streamCheck,
      },
      loadAverageAtEnd: load(),
    };
    console.log(JSON.stringify(result, null, 2));
    const file = path.join('bench', 'results', `join-storm-${result.at.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`written ${file}`);
    if (!joinCheck.ok || !streamCheck.ok || serverExit !== undefined) process.exitCode = 1;
    stopping = true;
  } finally {
    if (server && args.profile) {
      // SIGINT lets Next.js exit normally, which is when Node writes the profile.
      process.kill(server.pid, 'SIGINT');
      await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      const file = fs.readdirSync(args.profile).find((f) => f.endsWith('.cpuprofile'));
      if (file) console.log(summariseCpuProfile(JSON.parse(fs.readFileSync(path.join(args.profile, file), 'utf8')), { top: 30 }));
    }
    await server?.stop();
    await opened.close();
    await database.drop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
