// `npm run bench:live` (via bench/live-fanout.mjs, which builds first): one production instance on a
// fresh PostgreSQL database (BENCH_DATABASE_URL, default the local `postgres` database), with
// CLIENTS (default 2,000) Server-Sent Events streams open on one session's live room over loopback.
// A moderator highlights a question HIGHLIGHTS times (default 10, alternating between two); for each
// highlight, the time from the highlight's transaction committing to each client reading the event
// that says so. Also: the health route's rate alone and with the streams open (the same run's
// floor), the server's RSS before, during and after, and streams that ended or never got an event.
// Bounded: about a minute on a quiet machine; each phase has its own deadline.
import http from 'node:http';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { seedDemoForum } from '@/lib/demo/seed';
import { liveToken } from '@/lib/live/access';
import { askQuestion, moderateQuestion } from '@/lib/live/questions';
import { actorFor } from '../tests/helpers/actors';
import { createAppDatabase, startAppServer } from '../tests/helpers/app-process';
import { freePort } from '../tests/helpers/free-port';
import { EVENT, sessionBySlug } from '../tests/helpers/registration';
import { liveAttendees } from './support/live-attendees';
import { percentile, round } from './support/stats';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    highlights: { type: 'string', default: '10' },
  },
});
const CLIENTS = Number(args.clients);
const HIGHLIGHTS = Number(args.highlights);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** How long a highlight may take to reach every client before the clients still waiting count as missed. */
const EVENT_DEADLINE_MS = 10_000;
/** Deadlines of the opening and highlighting phases, which keep a run on a loaded machine under 2 minutes. */
const OPEN_DEADLINE_MS = 45_000;
const HIGHLIGHT_PHASE_MS = 40_000;
const log = (message: string) => console.log(`[live-fanout] ${message}`);
const mb = (kb: number | null) => Math.round((kb ?? 0) / 1024);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One open stream: it calls `onBlock` with each event block, and counts as dropped if it ends before we close it. */
type Stream = { request: http.ClientRequest; open: boolean; ended: boolean; onBlock: (block: string) => void };

function openStream(url: string, agent: http.Agent, opened: () => void, failed: (why: string) => void): Stream {
  const stream: Stream = { request: undefined as never, open: false, ended: false, onBlock: () => {} };
  let buffer = '';
  stream.request = http.get(url, { agent, headers: { accept: 'text/event-stream' } }, (response) => {
    if (response.statusCode !== 200) {
      failed(`status ${response.statusCode}`);
      response.resume();
      return;
    }
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!stream.open && block.startsWith('retry:')) {
          stream.open = true;
          opened();
        } else stream.onBlock(block);
      }
    });
    response.on('close', () => {
      stream.ended = true;
    });
  });
  stream.request.on('error', (error) => {
    stream.ended = true;
    if (!stream.open) failed(error.message);
  });
  return stream;
}

/** Requests per second of GET url with `connections` keep-alive clients for `ms`. */
async function rate(url: string, connections: number, ms: number): Promise<{ perSecond: number; p50: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const until = performance.now() + ms;
  const latencies: number[] = [];
  let errors = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      http
        .get(url, { agent }, (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === 200) latencies.push(performance.now() - started);
            else errors++;
            resolve();
          });
        })
        .on('error', () => {
          errors++;
          resolve();
        });
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) await one();
    }),
  );
  agent.destroy();
  return { perSecond: round(latencies.length / ((performance.now() - started) / 1000)), p50: round(percentile(latencies, 50)), errors };
}

async function main() {
  const runStarted = performance.now();
  const loadBefore = os.loadavg();
  const database = await createAppDatabase('postgres', { adminUrl: ADMIN_URL, tag: 'fanout' });
  // Tokens are signed here with the server's secret.
  Object.assign(process.env, database.env);
  const opened = await database.open({ maxConnections: 4 });
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 10 });
  const streams: Stream[] = [];
  try {
    await seedDemoForum(opened.db, { slug: EVENT });
    const panel = await sessionBySlug(opened.db, 'panel-innovation-corridor');
    const registrations = await liveAttendees(opened.db, panel, CLIENTS, 'fanout');
    const organiser = await actorFor(opened.db, 'fanout-moderator@example.org', { eventSlug: EVENT, role: 'organiser' });
    const questionIds: string[] = [];
    for (const [i, body] of ['Which clinics pilot first?', 'How do online attendees join the matchmaking?'].entries()) {
      const asked = await askQuestion(opened.db, registrations[i]!, panel, { body });
      if (!asked.ok) throw new Error(JSON.stringify(asked));
      await moderateQuestion(opened.db, organiser, asked.id, 'approve');
      questionIds.push(asked.id);
    }

    server = await startAppServer({ port: await freePort(), database, env: { MAIL_WORKER: 'off', LOG_LEVEL: 'warn' } });
    const health = `${server.url}/api/health`;
    await rate(health, 10, 2_000); // warm-up
    const rssBefore = mb(server.rssKb());
    const floor = await rate(health, 10, 5_000);
    log(`health route alone: ${floor.perSecond}/s (p50 ${floor.p50} ms); RSS ${rssBefore} MB`);

    // Open the streams, 200 at a time, each as an attendee (the tokens spread over the registrations).
    const openStarted = performance.now();
    const failures: string[] = [];
    let openCount = 0;
    for (let i = 0; i < CLIENTS && performance.now() - openStarted < OPEN_DEADLINE_MS; i += 200) {
      const batch = Math.min(200, CLIENTS - i);
      await new Promise<void>((resolve) => {
        let settled = 0;
        const done = () => ++settled === batch && resolve();
        for (let j = 0; j < batch; j++) {
          const registrationId = registrations[(i + j) % registrations.length]!;
          const token = liveToken({ kind: 'attendee', subjectId: registrationId, sessionId: panel });
          streams.push(
            openStream(
              `${server!.url}/api/v1/live/${token}/events`,
              agent,
              () => {
                openCount++;
                done();
              },
              (why) => {
                failures.push(why);
                done();
              },
            ),
          );
        }
      });
    }
    const openSeconds = round((performance.now() - openStarted) / 1000);
    log(
      `${openCount} of ${CLIENTS} streams open in ${openSeconds} s; ${failures.length} refused (${[...new Set(failures)].slice(0, 3).join('; ')})`,
    );
    await sleep(2_000);
    const rssOpen = mb(server.rssKb());
    const withStreams = await rate(health, 10, 5_000);
    log(`health route with the streams open: ${withStreams.perSecond}/s (p50 ${withStreams.p50} ms); RSS ${rssOpen} MB`);

    // Highlights: each client's delay from the commit to the event that shows the question highlighted.
    const latencies: number[] = [];
    const perHighlight: { p50: number; p99: number; max: number; missed: number }[] = [];
    let peakRss = rssOpen;
    const live = streams.filter((s) => s.open);
    const highlightStarted = performance.now();
    let highlighted = 0;
    for (let h = 0; h < HIGHLIGHTS && performance.now() - highlightStarted < HIGHLIGHT_PHASE_MS; h++) {
      highlighted++;
      const target = questionIds[h % 2]!;
      const marker = `"id":"${target}"`;
      let committedAt = 0;
      const arrivals: number[] = [];
      const waiting = new Set(live.filter((s) => !s.ended));
      const all = new Promise<void>((resolve) => {
        for (const stream of waiting)
          stream.onBlock = (block) => {
            if (!block.includes('event: question') || !block.includes(marker) || !block.includes('"highlighted":true')) return;
            if (!waiting.delete(stream)) return;
            arrivals.push(performance.now());
            if (!waiting.size) resolve();
          };
      });
      const result = await moderateQuestion(opened.db, organiser, target, 'highlight');
      committedAt = performance.now();
      if (!result.ok) throw new Error(JSON.stringify(result));
      await Promise.race([all, sleep(EVENT_DEADLINE_MS)]);
      peakRss = Math.max(peakRss, mb(server.rssKb()));
      // An event read before the call returned (the commit is just before) counts as 0 ms.
      const delays = arrivals.map((t) => Math.max(0, t - committedAt));
      latencies.push(...delays);
      const figure = {
        p50: round(percentile(delays, 50)),
        p99: round(percentile(delays, 99)),
        max: round(Math.max(...delays)),
        missed: waiting.size,
      };
      perHighlight.push(figure);
      log(`highlight ${h + 1}: p50 ${figure.p50} ms, p99 ${figure.p99} ms, max ${figure.max} ms, missed ${figure.missed}`);
      for (const stream of live) stream.onBlock = () => {};
      await sleep(500);
    }
    const dropped = live.filter((s) => s.ended).length;
    for (const stream of streams) stream.request.destroy();
    agent.destroy();
    await sleep(3_000);
    const rssAfter = mb(server.rssKb());
    const summary = {
      clients: CLIENTS,
      open: openCount,
      refused: failures.length,
      openSeconds,
      highlights: highlighted,
      fanoutMs: {
        p50: round(percentile(latencies, 50)),
        p99: round(percentile(latencies, 99)),
        max: round(Math.max(...latencies)),
        deliveries: latencies.length,
        expected: highlighted * live.length,
      },
      perHighlight,
      droppedWhileOpen: dropped,
      healthAlone: floor,
      healthWithStreams: withStreams,
      rssMb: { before: rssBefore, open: rssOpen, peak: peakRss, after: rssAfter, peakVmHwm: mb(server.peakRssKb()) },
      loadAverage: { before: loadBefore.map((v) => round(v, 2)), after: os.loadavg().map((v) => round(v, 2)) },
      cpus: os.cpus().length,
      seconds: round((performance.now() - runStarted) / 1000),
    };
    console.log(JSON.stringify(summary, null, 2));
  } finally {
    for (const stream of streams) stream.request.destroy();
    agent.destroy();
    await server?.stop();
    await opened.close();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
