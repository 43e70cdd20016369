// `npm run bench` (via bench/run.mjs, which builds first): the production server on loopback against
// PostgreSQL and against PGlite, measured with autocannon beside the physical limits of the same
// machine in the same run. Writes bench/results/<timestamp>.json and prints a markdown table.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { OpenDatabase } from '@/db/open';
import { seedDemoForum } from '@/lib/demo/seed';
import { createAppDatabase, startAppServer, type AppServer, type Backend } from '../tests/helpers/app-process';
import { rows } from '../tests/helpers/registration';
import { addSeatedSession, seatIntegrity, type SeatedSession } from '../tests/helpers/seated-session';
import { measureGet, measureGetInTurns, openLoopRegistrations, registrationBurst, type BurstAnswer, type LoadResult } from './support/load';
import { firstLoadJs } from './support/first-load-js';
import { drainOutbox } from './support/outbox-drain';
import { findPgbench, runPgbench, type PgbenchResult } from './support/pgbench';
import { registerBare, type Query } from './support/registration-transaction';
import { machineBusyShare, machineCpuMs, postgresCpuMs } from './support/machine-cpu';
import { warmUp } from './support/warm-up';
import { summaryTable, type BenchResults, type BackendResults, type FirstLoadJs } from './support/report';
import { percentile, round } from './support/stats';

const { values: args } = parseArgs({
  options: {
    backends: { type: 'string', default: 'postgres,pglite' },
    seconds: { type: 'string', default: '10' },
    attempts: { type: 'string', default: '5000' },
    seats: { type: 'string', default: '500' },
    'burst-cap': { type: 'string', default: '75' },
    'drain-mails': { type: 'string', default: '10000' },
    // Mails in flight at once (and SMTP connections). At 8 the drain waited on round trips, not CPU:
    // 259 mails/s with the worker's core 75% busy (2026-12-04 17:05).
    'drain-concurrency': { type: 'string', default: '16' },
    'open-loop-seconds': { type: 'string', default: '30' },
    'refuse-percent': { type: 'string', default: '10' },
    'read-connections': { type: 'string', default: '100' },
  },
});

const EVENT = 'china-asean-tech-forum';
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const SECONDS = Number(args.seconds);
const ATTEMPTS = Number(args.attempts);
const SEATS = Number(args.seats);
/** Seconds after which a registration burst is cut short, so that the whole run stays under 5 minutes. */
const BURST_CAP_SECONDS = Number(args['burst-cap']);
const BURST_CONNECTIONS = 200;
const BROWSER_ENCODING = { 'accept-encoding': 'gzip, deflate, br' };
const READ_CONNECTIONS = Number(args['read-connections']);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const root = path.resolve(import.meta.dirname, '..');
const log = (message: string) => console.log(`[bench] ${message}`);

/** Samples the server's resident memory while a phase runs. */
function rssSampler(server: AppServer) {
  let peakKb = 0;
  const timer = setInterval(() => (peakKb = Math.max(peakKb, server.rssKb() ?? 0)), 200);
  return { stop: () => (clearInterval(timer), Math.round(Math.max(peakKb, server.rssKb() ?? 0) / 1024)) };
}

/** Runs a load phase and adds what it cost the server in CPU. */
async function withServerCpu<T extends { load: LoadResult } | LoadResult>(server: AppServer, run: () => Promise<T>): Promise<T> {
  const [cpu0, postgres0, machine0] = [server.cpuMs() ?? 0, postgresCpuMs(), machineCpuMs()];
  const t0 = performance.now();
  const result = await run();
  const [cpu, postgres, machine1] = [(server.cpuMs() ?? 0) - cpu0, postgresCpuMs() - postgres0, machineCpuMs()];
  const load: LoadResult = 'load' in result ? (result as { load: LoadResult }).load : (result as LoadResult);
  const requests = Math.max(1, load.requests);
  load.serverCpuMsPerRequest = round(cpu / requests, 2);
  load.serverCpuPercent = Math.round((cpu / (performance.now() - t0)) * 100);
  load.postgresCpuMsPerRequest = round(postgres / requests, 2);
  load.machineBusyPercent = Math.round(machineBusyShare(machine0, machine1) * 100);
  return result;
}

async function prepare(opened: OpenDatabase) {
  await seedDemoForum(opened.db, { slug: EVENT });
  const add = (sessionSlug: string) =>
    addSeatedSession(opened.db, { eventSlug: EVENT, venueSlug: 'bench-hall', sessionSlug, capacity: SEATS });
  return {
    burst: await add('bench-burst'),
    warmup: await add('bench-warmup'),
    limitA: await add('bench-limit-a'),
    limitB: await add('bench-limit-b'),
    open: await add('bench-open'),
  };
}

/** The bare transaction in this process on PGlite, one at a time (PGlite has one connection). */
async function pgliteLimit(opened: OpenDatabase, seated: SeatedSession, attempts: number, maxSeconds: number) {
  const client = (opened.db as unknown as { $client: { query: Query } }).$client;
  const query: Query = (text, params) => client.query(text, params);
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < attempts && performance.now() - started < maxSeconds * 1000; i++) {
    const t = performance.now();
    await registerBare(query, seated);
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    clients: 1,
    transactions: latencies.length,
    failed: 0,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  } satisfies PgbenchResult;
}

/**
 * Checks the burst by SQL and by its answers: exactly `SEATS` confirmed, the rest waitlisted 1..N, a
 * mail each, and every address answered 201 stored with its place. A burst cut short at the time cap may have committed registrations whose answer never
 * arrived (at most one per connection); everything else must hold exactly.
 */
async function verifyBurst(opened: OpenDatabase, seated: SeatedSession, answers: BurstAnswer[], load: LoadResult, capped: boolean) {
  const integrity = await seatIntegrity(opened.db, seated);
  const [seats] = rows<{ total: number; waitlisted: number; mails: number }>(
    await opened.db.execute(sql`
      select count(*)::int as total,
             count(*) filter (where rs.status = 'waitlisted')::int as waitlisted,
             (select count(*)::int from outbox o join registration_sessions x on x.registration_id = o.registration_id where x.session_id = ${seated.sessionId}) as mails
      from registration_sessions rs where rs.session_id = ${seated.sessionId}`),
  );
  const stored = Number(seats!.total);
  const answered = answers.filter((a) => a.status === 201).length;
  const expectedWaitlist = Math.max(0, stored - SEATS);
  // The answers name addresses only (seats are in the mail): each answered one must hold its place.
  const storedEmails = new Set(
    rows<{ email: string }>(
      await opened.db.execute(
        sql`select r.email from registrations r join registration_sessions rs on rs.registration_id = r.id where rs.session_id = ${seated.sessionId}`,
      ),
    ).map((r) => r.email),
  );
  const contiguous = (list: number[], n: number) => list.length === n && list.every((p, i) => p === i + 1);
  const fivexx = Object.entries(load.statusCodes).reduce((n, [code, count]) => n + (code.startsWith('5') ? count : 0), 0);
  const checks = {
    capped,
    answers201: answered,
    fivexx,
    connectionErrors: load.errors,
    storedSeats: stored,
    confirmed: integrity.confirmed,
    waitlisted: Number(seats!.waitlisted),
    waitlistPositions1toN: contiguous(integrity.waitlistPositions, expectedWaitlist),
    answeredNotStored: answers.filter((a) => a.status === 201 && !(a.email && storedEmails.has(a.email))).length,
    mails: Number(seats!.mails),
    registrationsWithoutExactlyOneMail: integrity.registrationsWithoutExactlyOneMail,
    countMismatches: integrity.countMismatches,
  };
  const ok =
    answers.length === answered &&
    fivexx === 0 &&
    (capped
      ? stored >= answered && stored <= answered + BURST_CONNECTIONS
      : checks.connectionErrors === 0 && answered === ATTEMPTS && stored === ATTEMPTS) &&
    checks.confirmed === Math.min(SEATS, stored) &&
    checks.waitlisted === expectedWaitlist &&
    checks.waitlistPositions1toN &&
    checks.answeredNotStored === 0 &&
    checks.mails === stored &&
    checks.registrationsWithoutExactlyOneMail === 0 &&
    checks.countMismatches.length === 0;
  return { ok, ...checks };
}

async function startStaticServer(port: number, files: { urlPath: string; file: string; type: string; headersFile?: string }[]) {
  const child = spawn(
    process.execPath,
    [
      path.join(root, 'bench', 'support', 'static-server.mjs'),
      String(port),
      ...files.map((f) => `${f.urlPath}=${f.file}::${f.type}${f.headersFile ? `::${f.headersFile}` : ''}`),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`static server exited (${code})`)));
  });
  return { stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))) };
}

/** Headers of an answer that a copy of it cannot replay as they are: per connection, per answer, or the body's own. */
const NOT_COPIED = new Set(['connection', 'keep-alive', 'date', 'content-length', 'content-encoding', 'transfer-encoding', 'content-type']);

/**
 * The agenda as browsers ask for it (gzip), the same bytes from a bare node:http server, and that copy
 * again sending the app's own response headers (its security policy, request id, Vary, cache state:
 * 1 KB against the plain copy's 200 bytes), measured in turns (bench/support/load.ts,
 * measureGetInTurns): the ratio the issue sets (≥ 90% of a static copy) moved by a tenth or more
 * between two runs a minute apart, and the load generator, on the same two cores, parses every header
 * in JavaScript. The server's CPU counts its own turns.
 */
async function agendaBesideStaticCopy(app: AppServer, agendaUrl: string, copyPort: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-agenda-'));
  const file = path.join(dir, 'agenda.html');
  const headersFile = path.join(dir, 'headers.json');
  fs.writeFileSync(file, Buffer.from(await (await fetch(agendaUrl, { headers: { 'accept-encoding': 'identity' } })).arrayBuffer()));
  const sample = await fetch(agendaUrl, { headers: BROWSER_ENCODING });
  await sample.arrayBuffer();
  const appHeaders: Record<string, string> = {};
  sample.headers.forEach((value, name) => {
    if (!NOT_COPIED.has(name)) appHeaders[name] = value;
  });
  fs.writeFileSync(headersFile, JSON.stringify(appHeaders));
  const type = 'text/html; charset=utf-8';
  const copy = await startStaticServer(copyPort, [
    { urlPath: '/agenda', file, type },
    { urlPath: '/agenda-with-headers', file, type, headersFile },
  ]);
  try {
    const cpu0 = app.cpuMs() ?? 0;
    const turns = await measureGetInTurns(
      { app: agendaUrl, copy: `http://127.0.0.1:${copyPort}/agenda`, copyWithHeaders: `http://127.0.0.1:${copyPort}/agenda-with-headers` },
      { connections: READ_CONNECTIONS, seconds: Math.max(1, Math.round(SECONDS / 2)), turns: 2, headers: BROWSER_ENCODING },
    );
    const cpu = (app.cpuMs() ?? 0) - cpu0;
    turns.app.serverCpuMsPerRequest = round(cpu / Math.max(1, turns.app.requests), 2);
    return turns;
  } finally {
    await copy.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function benchBackend(
  backend: Backend,
  port: number,
  staticCopies: { dir: string; firstLoadJs?: FirstLoadJs[] } | null,
  drainMails: number,
): Promise<BackendResults> {
  log(`${backend}: fresh database, demo forum, ${SEATS}-seat sessions`);
  const database = await createAppDatabase(backend, { tag: 'bench', adminUrl: ADMIN_URL });
  let server: AppServer | undefined;
  try {
    let opened = await database.open({ maxConnections: 2 });
    const seated = await prepare(opened);

    let limit: PgbenchResult;
    const limits: PgbenchResult[] = [];
    if (backend === 'postgres') {
      await opened.close();
      const pgbench = findPgbench();
      if (!pgbench) throw new Error('pgbench not found (apt-get install postgresql-client)');
      const { pgbenchScript, pgbenchVariables } = await import('./support/registration-transaction');
      // 10 clients = the app's connection pool; 50 to see whether more clients raise the ceiling.
      for (const [clients, session, seconds] of [
        [10, seated.limitA, 6],
        [50, seated.limitB, 3],
      ] as const) {
        const result = runPgbench(pgbench, database.url!, pgbenchScript(session), { clients, seconds, variables: pgbenchVariables });
        log(
          `${backend}: pgbench ${clients} clients: ${round(result.perSecond)} tx/s, p50 ${round(result.p50Ms)} ms, p99 ${round(result.p99Ms)} ms, ${result.failed} failed`,
        );
        limits.push(result);
      }
      limit = limits.reduce((best, r) => (r.perSecond > best.perSecond ? r : best));
      // pgbench's concurrent inserts left the event, venue and session rows they reference marked
      // with multixacts (many transactions holding KEY SHARE at once); until a vacuum clears them,
      // every read of those rows looks their members up (wait event MultiXactMemberSLRU), which
      // cost the burst that follows ~3 ms of PostgreSQL CPU per registration. Autovacuum would get
      // there in its own time; the burst must not measure pgbench's leftovers.
      opened = await database.open({ maxConnections: 1 });
      await opened.db.execute(sql`vacuum analyze`);
      await opened.close();
    } else {
      limit = await pgliteLimit(opened, seated.limitA, ATTEMPTS, 6);
      limits.push(limit);
      log(
        `${backend}: bare transaction in-process: ${round(limit.perSecond)} tx/s, p50 ${round(limit.p50Ms, 2)} ms, p99 ${round(limit.p99Ms, 2)} ms`,
      );
      await opened.close();
    }

    log(`${backend}: starting the production server on 127.0.0.1:${port}`);
    server = await startAppServer({ port, database, env: { RATE_LIMIT_REGISTRATIONS_PER_MINUTE: '10000000' } });
    const idleRssMb = Math.round((server.rssKb() ?? 0) / 1024);
    await warmUp(server, seated.warmup);

    let sampler = rssSampler(server);
    log(`${backend}: registration burst: ${ATTEMPTS} attempts from ${BURST_CONNECTIONS} connections`);
    const app = server;
    const burst = await withServerCpu(app, () =>
      registrationBurst(app.url, seated.burst, {
        connections: BURST_CONNECTIONS,
        attempts: ATTEMPTS,
        tag: `burst-${backend}`,
        maxSeconds: BURST_CAP_SECONDS,
      }),
    );
    const burstRssMb = sampler.stop();
    sampler = rssSampler(server);
    if (burst.capped) log(`${backend}: burst cut short at ${BURST_CAP_SECONDS} s after ${burst.answers.length} answers`);
    log(
      `${backend}: ${round(burst.load.perSecond)} registrations/s, p50 ${burst.load.p50Ms} ms, p99 ${burst.load.p99Ms} ms, codes ${JSON.stringify(burst.load.statusCodes)}, server CPU ${burst.load.serverCpuMsPerRequest} ms/request (${burst.load.serverCpuPercent}% of a core), PostgreSQL CPU ${burst.load.postgresCpuMsPerRequest} ms/request, machine ${burst.load.machineBusyPercent}% busy`,
    );

    // Latency the right way: an open loop at half the rate the burst reached, new registrations only.
    const openLoopSeconds = Number(args['open-loop-seconds']);
    let openLoop: BackendResults['openLoop'];
    if (openLoopSeconds > 0) {
      const rate = burst.load.perSecond / 2;
      log(`${backend}: open-loop registrations at ${round(rate)}/s (half the burst's rate) for ${openLoopSeconds} s`);
      openLoop = await withServerCpu(app, async () => {
        const result = await openLoopRegistrations(app.url, seated.open, {
          rate,
          seconds: openLoopSeconds,
          connections: BURST_CONNECTIONS,
          tag: `open-${backend}`,
        });
        return Object.assign(result, { load: { ...result, perSecond: result.sentPerSecond, requests: result.requests } as LoadResult });
      });
      log(
        `${backend}: open loop: ${openLoop.sentPerSecond}/s sent (target ${openLoop.targetPerSecond}), p50 ${openLoop.p50Ms} ms, p99 ${openLoop.p99Ms} ms, max ${openLoop.maxMs} ms, codes ${JSON.stringify(openLoop.statusCodes)}`,
      );
    }
    const openLoopRssMb = sampler.stop();

    sampler = rssSampler(server);
    const agendaUrl = `${server.url}/events/${EVENT}/agenda`;
    const sessionsUrl = `${server.url}/api/v1/events/${EVENT}/sessions`;
    const get = async (label: string, url: string, seconds: number, headers?: Record<string, string>) => {
      const result = await withServerCpu(app, () => measureGet(url, { connections: READ_CONNECTIONS, seconds, headers }));
      log(
        `${backend}: ${label}: ${round(result.perSecond)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, server CPU ${result.serverCpuMsPerRequest} ms/request (${result.serverCpuPercent}% of a core)`,
      );
      return result;
    };
    // As a browser asks for it (gzip), uncompressed, and straight from Next.js without the server's
    // fast path (the refill header bypasses it), to show what each layer costs.
    const {
      app: agendaGzip,
      copy: agendaGzipStatic,
      copyWithHeaders: agendaGzipStaticWithHeaders,
    } = await agendaBesideStaticCopy(app, agendaUrl, port + 20);
    log(
      `${backend}: agenda page, gzip: ${round(agendaGzip.perSecond)} req/s, p50 ${round(agendaGzip.p50Ms)} ms, p99 ${agendaGzip.p99Ms} ms, server CPU ${agendaGzip.serverCpuMsPerRequest} ms/request; its static copy in turns with it: ${round(agendaGzipStatic.perSecond)} req/s, p50 ${round(agendaGzipStatic.p50Ms)} ms, p99 ${agendaGzipStatic.p99Ms} ms; the copy with the app's headers: ${round(agendaGzipStaticWithHeaders.perSecond)} req/s`,
    );
    const agenda = await get('agenda page, uncompressed', agendaUrl, SECONDS);
    const agendaNext = await get('agenda page, Next.js page cache without the fast path', agendaUrl, Math.min(5, SECONDS), {
      'x-hf-page-cache': 'refill',
    });
    const sessions = await get('sessions JSON', sessionsUrl, SECONDS);
    // The framework's floor: a route handler that only runs `select 1`.
    const health = await get('health route (select 1)', `${server.url}/api/health`, Math.min(5, SECONDS));
    const readRssMb = sampler.stop();

    if (staticCopies) {
      const pages = [`/events/${EVENT}`, `/events/${EVENT}/agenda`, `/events/${EVENT}/register`, `/events/${EVENT}/speakers`];
      staticCopies.firstLoadJs = [];
      for (const page of pages) staticCopies.firstLoadJs.push(await firstLoadJs(server.url, page));
      fs.writeFileSync(path.join(staticCopies.dir, 'agenda.html'), Buffer.from(await (await fetch(agendaUrl)).arrayBuffer()));
      fs.writeFileSync(path.join(staticCopies.dir, 'sessions.json'), Buffer.from(await (await fetch(sessionsUrl)).arrayBuffer()));
    }
    const peakRssMb = Math.round((server.peakRssKb() ?? 0) / 1024);
    await server.stop();
    server = undefined;

    opened = await database.open({ maxConnections: 12 });
    const checks = await verifyBurst(opened, seated.burst, burst.answers, burst.load, burst.capped);
    let outboxDrain: BackendResults['outboxDrain'];
    if (drainMails > 0) {
      log(`${backend}: outbox drain: ${drainMails} queued mails to a local SMTP server by lib/mail-delivery/worker.ts`);
      // The drain renders the mails here, with manage links signed by the server's secret.
      const secret = process.env.AUTH_SECRET;
      if (database.env.AUTH_SECRET) process.env.AUTH_SECRET = database.env.AUTH_SECRET;
      outboxDrain = await drainOutbox(opened, {
        total: drainMails,
        concurrency: Number(args['drain-concurrency']),
        batchSize: 100,
        maxSeconds: 180,
        refusePercent: Number(args['refuse-percent']),
        retryAfterMs: 500,
      }).finally(() => {
        if (secret === undefined) delete process.env.AUTH_SECRET;
        else process.env.AUTH_SECRET = secret;
      });
      log(
        `${backend}: ${outboxDrain.mailsPerSecond} mails/s, ${outboxDrain.workerCpuMsPerMail} ms of worker CPU each (the SMTP sink ${outboxDrain.sinkCpuMsPerMail} ms, PostgreSQL ${outboxDrain.postgresCpuMsPerMail} ms, machine ${Math.round(outboxDrain.machineBusy * 100)}% busy); ${outboxDrain.distinct} delivered, ${outboxDrain.lost} lost, ${outboxDrain.duplicates} twice, ${outboxDrain.refused421} first attempts refused with 421 and retried (${outboxDrain.averageMailKb} KB each)`,
      );
    }
    await opened.close();
    log(
      `${backend}: burst checks ${checks.ok ? 'passed' : 'FAILED'}: ${checks.confirmed} confirmed, ${checks.waitlisted} waitlisted (1..N: ${checks.waitlistPositions1toN}), ${checks.mails} mails, ${checks.fivexx} 5xx`,
    );
    return {
      registration: {
        ...burst.load,
        attempts: ATTEMPTS,
        answered: burst.answers.length,
        capped: burst.capped,
        connections: BURST_CONNECTIONS,
        seconds: burst.seconds,
        checks,
      },
      agenda,
      agendaGzip,
      agendaGzipStatic,
      agendaGzipStaticWithHeaders,
      agendaNext,
      sessions,
      health,
      registrationLimit: { kind: backend === 'postgres' ? 'pgbench' : 'pglite-in-process', best: limit, runs: limits },
      openLoop,
      memory: { idleRssMb, burstRssMb, openLoopRssMb, readRssMb, peakRssMb },
      outboxDrain,
    };
  } finally {
    if (server) await server.kill9();
    await database.drop();
  }
}

async function main() {
  const started = Date.now();
  const backends = args.backends!.split(',').filter(Boolean) as Backend[];
  const copies = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-static-'));
  const results: BenchResults = {
    startedAt: new Date(started).toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? '',
      memoryGb: round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverageAtStart: os.loadavg().map((l) => round(l, 2)),
    },
    settings: {
      attempts: ATTEMPTS,
      burstCapSeconds: BURST_CAP_SECONDS,
      seats: SEATS,
      burstConnections: BURST_CONNECTIONS,
      readConnections: READ_CONNECTIONS,
      readSeconds: SECONDS,
    },
    backends: {},
  };
  try {
    const staticCopies: { dir: string; firstLoadJs?: FirstLoadJs[] } = { dir: copies };
    for (const [i, backend] of backends.entries()) {
      // The drain runs once, on the first backend, to keep the whole run bounded.
      results.backends[backend] = await benchBackend(
        backend,
        PORT + i,
        i === 0 ? staticCopies : null,
        i === 0 ? Number(args['drain-mails']) : 0,
      );
    }
    results.firstLoadJs = staticCopies.firstLoadJs;
    results.outboxDrain = results.backends[backends[0]!]?.outboxDrain;
    log('static copies of the agenda page and the sessions JSON on a bare node:http server');
    const staticServer = await startStaticServer(PORT + 9, [
      { urlPath: '/agenda', file: path.join(copies, 'agenda.html'), type: 'text/html; charset=utf-8' },
      { urlPath: '/sessions', file: path.join(copies, 'sessions.json'), type: 'application/json' },
    ]);
    try {
      const agenda = await measureGet(`http://127.0.0.1:${PORT + 9}/agenda`, { connections: READ_CONNECTIONS, seconds: SECONDS });
      log(`static agenda, uncompressed: ${round(agenda.perSecond)} req/s, p50 ${agenda.p50Ms} ms, p99 ${agenda.p99Ms} ms`);
      const sessions = await measureGet(`http://127.0.0.1:${PORT + 9}/sessions`, { connections: READ_CONNECTIONS, seconds: SECONDS });
      log(`static sessions JSON: ${round(sessions.perSecond)} req/s, p50 ${sessions.p50Ms} ms, p99 ${sessions.p99Ms} ms`);
      results.staticLimit = {
        agenda,
        sessions,
        agendaBytes: fs.statSync(path.join(copies, 'agenda.html')).size,
        sessionsBytes: fs.statSync(path.join(copies, 'sessions.json')).size,
        agendaGzipBytes: gzipSync(fs.readFileSync(path.join(copies, 'agenda.html'))).length,
      };
    } finally {
      await staticServer.stop();
    }
  } finally {
    fs.rmSync(copies, { recursive: true, force: true });
  }
  results.durationSeconds = round((Date.now() - started) / 1000);
  results.machine.loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));

  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${results.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${summaryTable(results)}\n`);
  log(`results: ${path.relative(root, file)} (${results.durationSeconds} s)`);
  const failed = Object.entries(results.backends).filter(([, r]) => !r.registration.checks.ok || (r.outboxDrain && !r.outboxDrain.ok));
  if (failed.length) {
    console.error(`[bench] correctness checks FAILED for ${failed.map(([b]) => b).join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
