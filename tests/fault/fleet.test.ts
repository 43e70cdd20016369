// Three app instances on one PostgreSQL behind Debian's nginx (the shipped recipe,
// deploy/nginx/hybrid-forum.conf), with the mail worker as its own `npm run worker` and a real SMTP
// sink: what a forum that has outgrown one machine runs. Proves, through nginx:
// - a registration race across the instances: no oversell, the waitlist in order;
// - a publish on one instance is on the others' programme pages within 1 s (LISTEN/NOTIFY);
// - the registration rate limit is one budget across the instances, counted per client address as
//   nginx appends it (TRUST_PROXY_HOPS=1), whatever X-Forwarded-For the client writes;
// - a rolling restart (SIGTERM one instance at a time) under steady registration and read load: no
//   client request fails, every acknowledged registration is stored once with one mail, sent once;
// - the worker killed (SIGKILL) mid-drain and started again: every mail delivered, none acknowledged
//   twice by the SMTP sink.
// PGlite is one process's embedded database: a fleet needs PostgreSQL, so this runs only with DATABASE_URL.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/db/open';
import { events, sessions } from '@/db/schema';
import { seedDemoAccounts } from '@/lib/demo/demo-accounts';
import { demoAccounts } from '@/lib/demo/demo-accounts';
import { hasProductionBuild, startAppServer, type AppDatabase, type AppServer } from '../helpers/app-process';
import { usingPostgres } from '../helpers/db';
import {
  type Answer,
  type Sink,
  clientAddress,
  hasNginx,
  msUntilProgrammeShows,
  publishOn,
  type Nginx,
  send,
  signIn,
  startNginx,
  startSink,
  startWorker,
  type Worker,
} from '../helpers/fleet';
import { freePort } from '../helpers/free-port';
import { rows } from '../helpers/registration';
import { createSeatedAppDatabase, seatedRegistration, seatIntegrity, type SeatedSession } from '../helpers/seated-session';

const INSTANCES = 3;
const SEATS = 20;
const RATE_LIMIT = 5;
const EVENT = 'china-asean-tech-forum';
const REGISTER = `/api/v1/events/${EVENT}/registrations`;
const PROGRAMME = `/events/${EVENT}/agenda`;

if (!usingPostgres)
  console.warn('[fleet] skipped on PGlite: a fleet of app instances shares one PostgreSQL; PGlite belongs to one process');
else if (!hasProductionBuild()) console.warn('[fleet] skipped: no production build in .next; run `node scripts/ensure-build.mjs`');
else if (!hasNginx()) console.warn('[fleet] skipped: nginx is not installed (/usr/sbin/nginx; NGINX_BIN names another)');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const statusOf = (answer: Answer) => ('status' in answer ? answer.status : answer.error);

describe.skipIf(!usingPostgres || !hasProductionBuild() || !hasNginx())('a fleet: three instances behind nginx on one PostgreSQL', () => {
  let database: AppDatabase;
  let seated: SeatedSession;
  let db: OpenDatabase;
  let sink: Sink;
  let nginx: Nginx;
  let worker: Worker | undefined;
  const ports: number[] = [];
  const servers: AppServer[] = [];
  let instanceEnv: Record<string, string>;
  let workerEnv: Record<string, string>;

  beforeAll(async () => {
    ({ database, seated } = await createSeatedAppDatabase('postgres', {
      tag: 'fleet',
      venueSlug: 'fleet-hall',
      sessionSlug: 'fleet-workshop',
      capacity: SEATS,
    }));
    db = await database.open({ maxConnections: 4 });
    await seedDemoAccounts(db.db, seated.eventId, EVENT);
    sink = await startSink();
    const base = Number(process.env.FLEET_BASE_PORT) || 0;
    for (let i = 0; i <= INSTANCES; i++) ports.push(base ? base + i : await freePort());
    instanceEnv = {
      MAIL_WORKER: 'off',
      TRUST_PROXY_HOPS: '1',
      RATE_LIMIT_REGISTRATIONS_PER_MINUTE: String(RATE_LIMIT),
      SMTP_URL: sink.url,
      LOG_LEVEL: 'warn',
    };
    servers.push(
      ...(await Promise.all(
        Array.from({ length: INSTANCES }, (_, i) =>
          startAppServer({ port: ports[i]!, database, env: instanceEnv, readyTimeoutMs: 240_000 }),
        ),
      )),
    );
    nginx = await startNginx({ port: ports[INSTANCES]!, upstreamPorts: ports.slice(0, INSTANCES) });
    workerEnv = { ...database.env, SMTP_URL: sink.url, MAIL_STALE_AFTER_SECONDS: '3', LOG_LEVEL: 'warn' };
    worker = await startWorker(workerEnv);
  }, 300_000);

  afterAll(async () => {
    await worker?.kill9();
    await nginx?.stop();
    for (const server of servers) await server.kill9();
    await sink?.close();
    await db?.close();
    await database?.drop();
  });

  /** Waits until the outbox holds nothing left to send. */
  async function drained(timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [left] = rows<{ n: number }>(
        await db.db.execute(sql`select count(*)::int as n from outbox where status in ('queued', 'sending', 'retry')`),
      );
      if (left!.n === 0) return;
      if (Date.now() > deadline) throw new Error(`${left!.n} mails still undelivered after ${timeoutMs} ms`);
      await sleep(200);
    }
  }

  /** What each instance's /metrics says (read from the machine itself). */
  async function metricSum(server: AppServer, match: (line: string) => boolean): Promise<number> {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return text
      .split('\n')
      .filter((line) => !line.startsWith('#') && match(line))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
  }

  it('a registration race across the three instances: no oversell, every registration answered, the waitlist in order', async () => {
    const before = await Promise.all(servers.map((s) => metricSum(s, (l) => l.startsWith('hf_registrations_total'))));
    const first = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        send(nginx.url, { path: REGISTER, body: seatedRegistration(seated, i, 'race'), from: clientAddress(i) }),
      ),
    );
    expect(first.map(statusOf).filter((s) => s !== 201)).toEqual([]);
    // Sent after every one of the first wave was acknowledged: these must queue behind all of them.
    const second = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send(nginx.url, { path: REGISTER, body: seatedRegistration(seated, 60 + i, 'race'), from: clientAddress(60 + i) }),
      ),
    );
    expect(second.map(statusOf).filter((s) => s !== 201)).toEqual([]);
    const after = await Promise.all(servers.map((s) => metricSum(s, (l) => l.startsWith('hf_registrations_total'))));
    const perInstance = after.map((n, i) => n - before[i]!);
    expect(perInstance.reduce((a, b) => a + b, 0)).toBe(70);
    expect(
      perInstance.every((n) => n > 0),
      `registrations per instance ${perInstance}`,
    ).toBe(true);

    const integrity = await seatIntegrity(db.db, seated);
    expect(integrity.confirmed).toBe(SEATS);
    expect(integrity.waitlistPositions).toEqual(Array.from({ length: 70 - SEATS }, (_, i) => i + 1));
    expect(integrity.countMismatches).toEqual([]);
    expect(integrity.seatsWithoutRegistration).toBe(0);
    expect(integrity.registrationsWithoutExactlyOneMail).toBe(0);
    const secondWave = rows<{ p: number | null }>(
      await db.db.execute(sql`select rs.waitlist_position as p from registration_sessions rs join registrations r on r.id = rs.registration_id
        where rs.session_id = ${seated.sessionId}
          and r.email in (${sql.join(
            Array.from({ length: 10 }, (_, i) => sql`${`race-${60 + i}@example.org`}`),
            sql`, `,
          )})`),
    ).map((r) => Number(r.p));
    expect(secondWave.sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => 41 + i));
    console.log(
      `[fleet] race: 70 registrations through nginx, per instance ${perInstance.join('/')}; ${SEATS} confirmed, 50 waitlisted 1..50`,
    );
  });

  it('a publish on one instance is on the other instances’ programme pages within 1 s', async () => {
    const [event] = await db.db.select({ id: events.id, version: events.publishedVersion }).from(events).where(eq(events.slug, EVENT));
    const [session] = rows<{ id: string }>(
      await db.db.execute(
        sql`select id from sessions where event_id = ${event!.id} and id <> ${seated.sessionId} order by starts_at limit 1`,
      ),
    );
    const marker = `Fleet publish ${Date.now().toString(36)}`;
    await db.db
      .update(sessions)
      .set({ title: sql`jsonb_set(${sessions.title}, '{en}', to_jsonb(${marker}::text))` })
      .where(eq(sessions.id, session!.id));

    const page = (server: AppServer) =>
      send(server.url, { path: PROGRAMME, headers: { cookie: 'hf_locale=en' } }).then((a) => ('status' in a ? a.body : ''));
    // Every instance holds the programme in its caches (Next.js's and the fast path's).
    for (const server of servers) for (let i = 0; i < 2; i++) expect(await page(server)).not.toContain(marker);

    // The organiser publishes on the first instance, as the admin page's button does.
    const cookies = await signIn(servers[0]!, demoAccounts.organiser.email, demoAccounts.organiser.password);
    const published = await publishOn(servers[0]!, EVENT, cookies);
    expect(statusOf(published)).toBeLessThan(400);
    const [after] = await db.db.select({ version: events.publishedVersion }).from(events).where(eq(events.id, event!.id));
    expect(after!.version).toBe(event!.version + 1);

    const seenAfterMs = await Promise.all(servers.map((server) => msUntilProgrammeShows(server, EVENT, marker, published.at)));
    console.log(`[fleet] publish on instance 1: new programme seen after ${seenAfterMs.join(' / ')} ms on instances 1/2/3`);
    for (const ms of seenAfterMs) expect(ms).toBeLessThan(1000);
  });

  it('the registration rate limit is one budget across the instances, per client address as nginx appends it', async () => {
    const routeCount = (server: AppServer) =>
      metricSum(server, (l) => l.startsWith('hf_http_request_duration_seconds_count') && l.includes('registrations') && l.includes('POST'));
    const before = await Promise.all(servers.map(routeCount));
    const flooder = clientAddress(9000);
    const statuses: (number | string)[] = [];
    // An empty body: 422 once past the limiter, nothing written. A new forged X-Forwarded-For every time.
    for (let i = 0; i < RATE_LIMIT + 4; i++)
      statuses.push(
        statusOf(await send(nginx.url, { path: REGISTER, body: '{}', from: flooder, headers: { 'x-forwarded-for': `203.0.113.${i}` } })),
      );
    expect(statuses).toEqual([...Array.from({ length: RATE_LIMIT }, () => 422), 429, 429, 429, 429]);
    const after = await Promise.all(servers.map(routeCount));
    const perInstance = after.map((n, i) => n - before[i]!);
    // Round robin: each instance answered some of them; per-process counting would have let 3 × 5 through.
    expect(
      perInstance.every((n) => n >= 2),
      `requests per instance ${perInstance}`,
    ).toBe(true);
    expect(statusOf(await send(nginx.url, { path: REGISTER, body: '{}', from: clientAddress(9001) }))).toBe(422);
    console.log(`[fleet] rate limit: ${statuses.join(' ')} from one address across instances (${perInstance.join('/')} requests each)`);
  });

  it('a rolling restart under steady load: no failed request, every acknowledged registration stored once with one mail sent once', async () => {
    let running = true;
    let next = 0;
    const registrations: { n: number; answer: Answer }[] = [];
    const reads: Answer[] = [];
    const registering = Array.from({ length: 3 }, async () => {
      while (running) {
        const n = next++;
        registrations.push({
          n,
          answer: await send(nginx.url, { path: REGISTER, body: seatedRegistration(seated, n, 'roll'), from: clientAddress(1000 + n) }),
        });
      }
    });
    const reading = Array.from({ length: 3 }, async (_, lane) => {
      while (running)
        reads.push(
          await send(nginx.url, { path: lane === 0 ? PROGRAMME : `/api/v1/events/${EVENT}/sessions`, from: clientAddress(20_000 + lane) }),
        );
    });
    await sleep(1500);
    const restarts: string[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const started = performance.now();
      await servers[i]!.stop();
      expect(await servers[i]!.exited, `instance ${i + 1} exit code after SIGTERM`).toBe(0);
      servers[i] = await startAppServer({ port: ports[i]!, database, env: instanceEnv, readyTimeoutMs: 240_000 });
      restarts.push(`${Math.round((performance.now() - started) / 100) / 10} s`);
      await sleep(1000);
    }
    running = false;
    await Promise.all([...registering, ...reading]);

    const failedRegistrations = registrations.filter((r) => statusOf(r.answer) !== 201).map((r) => statusOf(r.answer));
    const failedReads = reads.filter((a) => statusOf(a) !== 200).map(statusOf);
    expect(failedRegistrations, 'registrations not answered 201').toEqual([]);
    expect(failedReads, 'reads not answered 200').toEqual([]);

    await drained();
    const acknowledged = registrations.map((r) => `roll-${r.n}@example.org`).sort();
    const stored = rows<{ email: string; mails: number }>(
      await db.db.execute(sql`select r.email, (select count(*)::int from outbox o where o.registration_id = r.id) as mails
        from registrations r where r.email like 'roll-%'`),
    );
    expect(stored.map((r) => r.email).sort()).toEqual(acknowledged);
    expect(stored.filter((r) => r.mails !== 1)).toEqual([]);
    const received = new Map<string, number>();
    for (const mail of sink.accepted) if (mail.to.startsWith('roll-')) received.set(mail.to, (received.get(mail.to) ?? 0) + 1);
    expect([...received.keys()].sort()).toEqual(acknowledged);
    expect([...received.values()].filter((n) => n !== 1)).toEqual([]);
    const integrity = await seatIntegrity(db.db, seated);
    expect(integrity.countMismatches).toEqual([]);
    console.log(
      `[fleet] rolling restart (${restarts.join(', ')} per instance): ${registrations.length} registrations and ${reads.length} reads, none failed; each stored once, one mail each`,
    );
  }, 300_000);

  it('the mail worker killed with SIGKILL mid-drain and started again: every mail delivered, none accepted twice by the SMTP sink', async () => {
    await drained();
    const acceptedBefore = sink.accepted.length;
    // The sink accepts 10 more, then stops answering: the worker's sends hang mid-drain.
    sink.holdAfter(acceptedBefore + 10);
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        send(nginx.url, { path: REGISTER, body: seatedRegistration(seated, i, 'kill'), from: clientAddress(30_000 + i) }),
      ),
    );
    expect(answers.map(statusOf).filter((s) => s !== 201)).toEqual([]);
    const deadline = Date.now() + 30_000;
    while (sink.held() < 1 && Date.now() < deadline) await sleep(50);
    expect(sink.held()).toBeGreaterThan(0);
    await sleep(300);
    await worker!.kill9();
    const states = rows<{ status: string; n: number }>(
      await db.db.execute(sql`select o.status, count(*)::int as n from outbox o join registrations r on r.id = o.registration_id
        where r.email like 'kill-%' group by o.status`),
    );
    const byStatus = Object.fromEntries(states.map((s) => [s.status, s.n]));
    // Killed with mail sent, mail in flight ("sending", never answered by the sink) and mail waiting.
    expect(byStatus.sent).toBe(10);
    expect(byStatus.sending ?? 0).toBeGreaterThan(0);

    sink.release();
    worker = await startWorker(workerEnv);
    await drained();
    const kill = sink.accepted.filter((m) => m.to.startsWith('kill-'));
    expect(kill.map((m) => m.to).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `kill-${i}@example.org`).sort());
    const timesAccepted = new Map<string, number>();
    for (const mail of sink.accepted) timesAccepted.set(mail.messageId, (timesAccepted.get(mail.messageId) ?? 0) + 1);
    expect([...timesAccepted].filter(([, n]) => n > 1)).toEqual([]);
    const [unsent] = rows<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from outbox where status <> 'sent'`));
    expect(unsent!.n).toBe(0);
    console.log(
      `[fleet] worker SIGKILL with ${byStatus.sending} mails "sending" (${sink.held()} held unanswered by the sink), ${byStatus.queued ?? 0} queued: after restart all 40 delivered; ${sink.accepted.length} mails in the whole run, each Message-ID accepted once`,
    );
  }, 120_000);
});
