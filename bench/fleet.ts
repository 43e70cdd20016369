// `npm run bench:fleet` (via bench/fleet.mjs, which builds first): three app instances on one
// PostgreSQL behind Debian's nginx (deploy/nginx/hybrid-forum.conf) with `npm run worker` beside
// them, all on 127.0.0.1, measured across instances: the proxy's cost on the health floor, a
// registration rush spread over the fleet, how soon a publish on one instance shows on the others,
// the shared rate limit, a rolling restart under load and a worker killed mid-drain. Bounded (about
// three minutes). Writes bench/results/fleet-<timestamp>.json and prints a markdown table.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { events, sessions } from '@/db/schema';
import { demoAccounts, seedDemoAccounts } from '@/lib/demo/demo-accounts';
import { seedDemoForum } from '@/lib/demo/seed';
import { createAppDatabase, startAppServer, type AppServer } from '../tests/helpers/app-process';
import {
  type Answer,
  clientAddress,
  msUntilProgrammeShows,
  publishOn,
  send,
  signIn,
  startNginx,
  startSink,
  startWorker,
} from '../tests/helpers/fleet';
import { freePort } from '../tests/helpers/free-port';
import { rows } from '../tests/helpers/registration';
import { addSeatedSession, seatedRegistration, seatIntegrity } from '../tests/helpers/seated-session';
import { measureGet } from './support/load';
import { percentile, round } from './support/stats';

const INSTANCES = 3;
const EVENT = 'china-asean-tech-forum';
const REGISTER = `/api/v1/events/${EVENT}/registrations`;
const RUSH = Number(process.env.FLEET_RUSH ?? 600);
const RUSH_CLIENTS = 60;
const SEATS = 200;
const RATE_LIMIT = 5;
const PUBLISHES = 6;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const root = path.resolve(import.meta.dirname, '..');
const log = (message: string) => console.log(`[fleet] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ok = (answer: Answer, status: number) => 'status' in answer && answer.status === status;

async function main() {
  const started = performance.now();
  const database = await createAppDatabase('postgres', { adminUrl: ADMIN_URL, tag: 'fleetbench' });
  const db = await database.open({ maxConnections: 4 });
  const cleanup: (() => Promise<unknown>)[] = [() => database.drop(), () => db.close()];
  try {
    const eventId = await seedDemoForum(db.db);
    await seedDemoAccounts(db.db, eventId, EVENT);
    const seated = await addSeatedSession(db.db, {
      eventSlug: EVENT,
      venueSlug: 'fleet-hall',
      sessionSlug: 'fleet-workshop',
      capacity: SEATS,
    });
    const sink = await startSink();
    cleanup.unshift(() => sink.close());
    const base = Number(process.env.FLEET_BASE_PORT) || 0;
    const ports: number[] = [];
    for (let i = 0; i <= INSTANCES; i++) ports.push(base ? base + i : await freePort());
    const env = {
      MAIL_WORKER: 'off',
      TRUST_PROXY_HOPS: '1',
      RATE_LIMIT_REGISTRATIONS_PER_MINUTE: String(RATE_LIMIT),
      SMTP_URL: sink.url,
      LOG_LEVEL: 'warn',
    };
    log(`starting ${INSTANCES} instances, nginx and the worker`);
    const servers: AppServer[] = await Promise.all(
      Array.from({ length: INSTANCES }, (_, i) => startAppServer({ port: ports[i]!, database, env, readyTimeoutMs: 240_000 })),
    );
    cleanup.unshift(() => Promise.all(servers.map((s) => s.kill9())));
    const nginx = await startNginx({ port: ports[INSTANCES]!, upstreamPorts: ports.slice(0, INSTANCES) });
    cleanup.unshift(() => nginx.stop());
    const workerEnv = { ...database.env, SMTP_URL: sink.url, MAIL_STALE_AFTER_SECONDS: '3', LOG_LEVEL: 'warn' };
    let worker = await startWorker(workerEnv);
    cleanup.unshift(() => worker.kill9());

    // 1. The floor: the liveness route straight to one instance, and through nginx to the three.
    log('health floor, direct and through nginx (5 s each)');
    await measureGet(`${servers[0]!.url}/api/health/live`, { connections: 20, seconds: 1 });
    const direct = await measureGet(`${servers[0]!.url}/api/health/live`, { connections: 50, seconds: 5 });
    const proxied = await measureGet(`${nginx.url}/api/health/live`, { connections: 50, seconds: 5 });

    // 2. A registration rush through nginx, every registration from an address of its own.
    log(`registration rush: ${RUSH} registrations, ${RUSH_CLIENTS} at a time, through nginx`);
    const rushAnswers: Answer[] = [];
    let next = 0;
    const rushStarted = performance.now();
    await Promise.all(
      Array.from({ length: RUSH_CLIENTS }, async () => {
        while (next < RUSH) {
          const n = next++;
          rushAnswers.push(await send(nginx.url, { path: REGISTER, body: seatedRegistration(seated, n, 'rush'), from: clientAddress(n) }));
        }
      }),
    );
    const rushSeconds = (performance.now() - rushStarted) / 1000;
    const rushLatencies = rushAnswers.map((a) => a.at - a.sentAt);
    const integrity = await seatIntegrity(db.db, seated);

    // 3. Publishes on each instance in turn; how soon each of the others shows the new programme.
    log(`${PUBLISHES} publishes, on each instance in turn`);
    const cookies = await Promise.all(servers.map((s) => signIn(s, demoAccounts.organiser.email, demoAccounts.organiser.password)));
    const [session] = rows<{ id: string }>(
      await db.db.execute(
        sql`select id from sessions where event_id = ${eventId} and id <> ${seated.sessionId} order by starts_at limit 1`,
      ),
    );
    const propagation: number[] = [];
    const own: number[] = [];
    for (let round_ = 0; round_ < PUBLISHES; round_++) {
      const marker = `Fleet bench ${round_} ${Date.now().toString(36)}`;
      await db.db
        .update(sessions)
        .set({ title: sql`jsonb_set(${sessions.title}, '{en}', to_jsonb(${marker}::text))` })
        .where(eq(sessions.id, session!.id));
      for (const server of servers) await send(server.url, { path: `/events/${EVENT}/agenda`, headers: { cookie: 'hf_locale=en' } });
      const publisher = round_ % INSTANCES;
      const published = await publishOn(servers[publisher]!, EVENT, cookies[publisher]!);
      if (!('status' in published) || published.status >= 400)
        throw new Error(`publish failed: ${JSON.stringify(published).slice(0, 300)}`);
      const seen = await Promise.all(servers.map((server) => msUntilProgrammeShows(server, EVENT, marker, published.at)));
      seen.forEach((ms, i) => (i === publisher ? own : propagation).push(ms));
      await sleep(500);
    }
    const [{ version } = { version: 0 }] = await db.db
      .select({ version: events.publishedVersion })
      .from(events)
      .where(eq(events.id, eventId));

    // 4. One address against the shared limit, its requests spread over the three instances.
    const limited: number[] = [];
    for (let i = 0; i < RATE_LIMIT * INSTANCES; i++) {
      const answer = await send(nginx.url, {
        path: REGISTER,
        body: '{}',
        from: clientAddress(50_000),
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      limited.push('status' in answer ? answer.status : 0);
    }

    // 5. A rolling restart under steady registration and read load.
    log('rolling restart under load');
    let running = true;
    let rolling = 0;
    const rollAnswers: Answer[] = [];
    const readAnswers: Answer[] = [];
    const lanes = [
      ...Array.from({ length: 3 }, async () => {
        while (running) {
          const n = rolling++;
          rollAnswers.push(
            await send(nginx.url, { path: REGISTER, body: seatedRegistration(seated, n, 'roll'), from: clientAddress(20_000 + n) }),
          );
        }
      }),
      ...Array.from({ length: 3 }, async (_, lane) => {
        while (running)
          readAnswers.push(
            await send(nginx.url, {
              path: lane ? `/api/v1/events/${EVENT}/sessions` : `/events/${EVENT}/agenda`,
              from: clientAddress(60_000 + lane),
            }),
          );
      }),
    ];
    await sleep(1000);
    const restartSeconds: number[] = [];
    for (let i = 0; i < INSTANCES; i++) {
      const t0 = performance.now();
      await servers[i]!.stop();
      servers[i] = await startAppServer({ port: ports[i]!, database, env, readyTimeoutMs: 240_000 });
      restartSeconds.push(round((performance.now() - t0) / 1000));
      await sleep(1000);
    }
    running = false;
    await Promise.all(lanes);
    const rollLatencies = [...rollAnswers, ...readAnswers].map((a) => a.at - a.sentAt);

    // 6. The worker killed mid-drain (while the sink holds its answers), then started again.
    log('worker SIGKILL mid-drain');
    await drained(db, 120_000);
    const before = sink.accepted.length;
    sink.holdAfter(before + 20);
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        send(nginx.url, { path: REGISTER, body: seatedRegistration(seated, i, 'kill'), from: clientAddress(40_000 + i) }),
      ),
    );
    while (sink.held() < 1) await sleep(50);
    await sleep(300);
    await worker.kill9();
    const [inFlight] = rows<{ n: number }>(await db.db.execute(sql`select count(*)::int as n from outbox where status = 'sending'`));
    sink.release();
    const restartedAt = performance.now();
    worker = await startWorker(workerEnv);
    await drained(db, 120_000);
    const redeliverSeconds = (performance.now() - restartedAt) / 1000;
    const perId = new Map<string, number>();
    for (const mail of sink.accepted) perId.set(mail.messageId, (perId.get(mail.messageId) ?? 0) + 1);
    const [outbox] = rows<{ total: number; sent: number }>(
      await db.db.execute(sql`select count(*)::int as total, count(*) filter (where status = 'sent')::int as sent from outbox`),
    );

    const results = {
      at: new Date().toISOString(),
      instances: INSTANCES,
      healthLive: {
        directPerSecond: round(direct.perSecond),
        throughNginxPerSecond: round(proxied.perSecond),
        ratio: round(proxied.perSecond / direct.perSecond, 2),
      },
      rush: {
        registrations: RUSH,
        perSecond: round(RUSH / rushSeconds),
        p50Ms: round(percentile(rushLatencies, 50)),
        p99Ms: round(percentile(rushLatencies, 99)),
        not201: rushAnswers.filter((a) => !ok(a, 201)).length,
        seats: SEATS,
        confirmed: integrity.confirmed,
        waitlistContiguous: integrity.waitlistPositions.every((p, i) => p === i + 1),
      },
      publish: {
        publishes: PUBLISHES,
        versionAfter: version,
        otherInstancesMs: { p50: percentile(propagation, 50), max: Math.max(...propagation) },
        sameInstanceMs: { p50: percentile(own, 50), max: Math.max(...own) },
      },
      rateLimit: {
        limit: RATE_LIMIT,
        sent: limited.length,
        admitted: limited.filter((s) => s === 422).length,
        refused: limited.filter((s) => s === 429).length,
      },
      rollingRestart: {
        restartSeconds,
        registrations: rollAnswers.length,
        reads: readAnswers.length,
        failed: [...rollAnswers.filter((a) => !ok(a, 201)), ...readAnswers.filter((a) => !ok(a, 200))].length,
        p99Ms: round(percentile(rollLatencies, 99)),
        maxMs: round(Math.max(...rollLatencies)),
      },
      workerKill: {
        sendingAtKill: inFlight!.n,
        redeliveredInSeconds: round(redeliverSeconds),
        outboxTotal: outbox!.total,
        outboxSent: outbox!.sent,
        acceptedBySink: sink.accepted.length,
        acceptedTwice: [...perId.values()].filter((n) => n > 1).length,
      },
      seconds: round((performance.now() - started) / 1000),
    };
    const file = path.join(root, 'bench', 'results', `fleet-${results.at.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    console.log(table(results));
    log(`written ${path.relative(root, file)}`);
  } finally {
    for (const step of cleanup) await step().catch(() => undefined);
  }
}

async function drained(db: { db: import('@/db/types').Db }, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [left] = rows<{ n: number }>(
      await db.db.execute(sql`select count(*)::int as n from outbox where status in ('queued', 'sending', 'retry')`),
    );
    if (left!.n === 0) return;
    if (Date.now() > deadline) throw new Error(`${left!.n} mails undelivered after ${timeoutMs} ms`);
    await sleep(200);
  }
}

type Results = {
  healthLive: { directPerSecond: number; throughNginxPerSecond: number; ratio: number };
  rush: {
    registrations: number;
    perSecond: number;
    p50Ms: number;
    p99Ms: number;
    not201: number;
    seats: number;
    confirmed: number;
    waitlistContiguous: boolean;
  };
  publish: { publishes: number; otherInstancesMs: { p50: number; max: number }; sameInstanceMs: { p50: number; max: number } };
  rateLimit: { limit: number; sent: number; admitted: number; refused: number };
  rollingRestart: { restartSeconds: number[]; registrations: number; reads: number; failed: number; p99Ms: number; maxMs: number };
  workerKill: {
    sendingAtKill: number;
    redeliveredInSeconds: number;
    outboxTotal: number;
    outboxSent: number;
    acceptedBySink: number;
    acceptedTwice: number;
  };
  seconds: number;
};

function table(r: Results): string {
  return [
    '| fleet figure (3 instances, nginx, one PostgreSQL) | result | limit / target |',
    '| --- | --- | --- |',
    `| /api/health/live through nginx | ${r.healthLive.throughNginxPerSecond}/s | direct to one instance ${r.healthLive.directPerSecond}/s (ratio ${r.healthLive.ratio}) |`,
    `| registration rush through nginx (${r.rush.registrations}) | ${r.rush.perSecond}/s, p50 ${r.rush.p50Ms} ms, p99 ${r.rush.p99Ms} ms, ${r.rush.not201} not 201 | ${r.rush.confirmed} confirmed of ${r.rush.seats} seats, waitlist ${r.rush.waitlistContiguous ? 'contiguous' : 'BROKEN'} |`,
    `| publish seen on the other instances | p50 ${r.publish.otherInstancesMs.p50} ms, max ${r.publish.otherInstancesMs.max} ms | < 1000 ms (same instance p50 ${r.publish.sameInstanceMs.p50} ms) |`,
    `| one address, ${r.rateLimit.sent} registrations over 3 instances | ${r.rateLimit.admitted} admitted, ${r.rateLimit.refused} refused | limit ${r.rateLimit.limit} a minute, shared |`,
    `| rolling restart under load (${r.rollingRestart.restartSeconds.join(' s, ')} s) | ${r.rollingRestart.failed} failed of ${r.rollingRestart.registrations} registrations + ${r.rollingRestart.reads} reads; p99 ${r.rollingRestart.p99Ms} ms, max ${r.rollingRestart.maxMs} ms | 0 failed |`,
    `| worker SIGKILL mid-drain (${r.workerKill.sendingAtKill} "sending") | all ${r.workerKill.outboxSent}/${r.workerKill.outboxTotal} sent ${r.workerKill.redeliveredInSeconds} s after restart; ${r.workerKill.acceptedTwice} accepted twice | 0 lost, 0 twice |`,
    `| whole run | ${r.seconds} s | |`,
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
