// `npx tsx bench/live-memory.ts [--steps 250,500,750,1000]`: what each open live stream costs the
// server. One production instance (the default heap unless NODE_OPTIONS sets one) on a fresh
// PostgreSQL database; opens attendee streams on one room in steps and, 3 s after each step, reads the
// server's /metrics (V8 heap used and total, external memory, RSS). The per-stream cost is the slope.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { seedDemoForum } from '@/lib/demo/seed';
import { liveToken } from '@/lib/live/access';
import { createAppDatabase, startAppServer } from '../tests/helpers/app-process';
import { freePort } from '../tests/helpers/free-port';
import { liveAttendees } from './support/live-attendees';
import { EVENT, sessionBySlug } from '../tests/helpers/registration';

const { values: args } = parseArgs({ options: { steps: { type: 'string', default: '250,500,750,1000' } } });
const STEPS = args.steps.split(',').map(Number);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function metric(text: string, name: string): number {
  const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+]+)`, 'm').exec(text);
  return match ? Math.round(Number(match[1]) / 1024 / 1024) : -1;
}

async function memory(url: string) {
  const text = await (await fetch(`${url}/metrics`)).text();
  return {
    heapUsed: metric(text, 'nodejs_heap_size_used_bytes'),
    heapTotal: metric(text, 'nodejs_heap_size_total_bytes'),
    external: metric(text, 'nodejs_external_memory_bytes'),
    rss: metric(text, 'process_resident_memory_bytes'),
  };
}

async function main() {
  const database = await createAppDatabase('postgres', { adminUrl: ADMIN_URL, tag: 'livemem' });
  Object.assign(process.env, database.env);
  const opened = await database.open({ maxConnections: 2 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 5000 });
  const requests: http.ClientRequest[] = [];
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  try {
    await seedDemoForum(opened.db, { slug: EVENT });
    const panel = await sessionBySlug(opened.db, 'panel-innovation-corridor');
    const registrations = await liveAttendees(opened.db, panel, Math.max(...STEPS), 'livemem');
    server = await startAppServer({
      port: await freePort(),
      database,
      env: { MAIL_WORKER: 'off', LOG_LEVEL: 'warn' },
      nodeArgs: process.env.SNAPSHOT ? ['--heapsnapshot-signal=SIGUSR2'] : [],
    });
    const url = server.url;
    const open = async (count: number) => {
      await Promise.all(
        Array.from(
          { length: count },
          (_, i) =>
            new Promise<void>((resolve) => {
              const token = liveToken({ kind: 'attendee', subjectId: registrations[i % registrations.length]!, sessionId: panel });
              const request = http.get(`${url}/api/v1/live/${token}/events`, { agent }, (response) => {
                response.once('data', () => resolve());
                response.on('data', () => {});
              });
              request.on('error', () => resolve());
              requests.push(request);
            }),
        ),
      );
    };
    for (let i = 0; i < 200; i++) await fetch(`${url}/api/health`).then((r) => r.arrayBuffer());
    await sleep(3000);
    const rows = [{ streams: 0, ...(await memory(url)) }];
    console.log(JSON.stringify(rows[0]));
    if (process.env.SNAPSHOT) {
      process.kill(server.pid, 'SIGUSR2');
      await sleep(Number(process.env.SNAPSHOT));
    }
    for (const step of STEPS) {
      await open(step - requests.length);
      await sleep(3000);
      rows.push({ streams: step, ...(await memory(url)) });
      console.log(JSON.stringify(rows.at(-1)));
      if (process.env.SNAPSHOT) {
        process.kill(server.pid, 'SIGUSR2');
        await sleep(Number(process.env.SNAPSHOT));
      }
    }
    const first = rows[0]!;
    const lastRow = rows.at(-1)!;
    const perStream = (key: 'heapUsed' | 'external' | 'rss') => Math.round(((lastRow[key] - first[key]) * 1024) / lastRow.streams);
    console.log(`per stream (KB): heap used ${perStream('heapUsed')}, external ${perStream('external')}, RSS ${perStream('rss')}`);
  } finally {
    for (const request of requests) request.destroy();
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
