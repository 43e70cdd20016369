// `node --import tsx bench/open-loop-rates.ts [--rates 100,200,300] [--seconds 15] [--backend postgres] [--profile DIR]`:
// open-loop registrations (bench/support/load.ts) at several fixed arrival rates against one production
// server on a fresh database, each rate on a session of its own, with the server's CPU per request
// and the garbage collector's time in the server (its /metrics). What the main bench's single
// "half the burst's rate" point is made of. Needs a production build (node scripts/ensure-build.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemoForum } from '@/lib/demo/seed';
import { createAppDatabase, startAppServer, type Backend } from '../tests/helpers/app-process';
import { addSeatedSession } from '../tests/helpers/seated-session';
import { summariseCpuProfile } from './support/cpu-profile';
import { openLoopRegistrations } from './support/load';
import { machineBusyShare, machineCpuMs, postgresCpuMs } from './support/machine-cpu';
import { warmUp } from './support/warm-up';

const { values: args } = parseArgs({
  options: {
    rates: { type: 'string', default: '100,200,300' },
    seconds: { type: 'string', default: '15' },
    backend: { type: 'string', default: 'postgres' },
    /** A directory: the server runs under --cpu-prof and its profile is summarised at the end. */
    profile: { type: 'string' },
  },
});
const EVENT = 'china-asean-tech-forum';
const PORT = Number(process.env.BENCH_PORT ?? 3990);
const rates = args.rates!.split(',').map(Number);

async function main() {
  const backend = args.backend as Backend;
  const database = await createAppDatabase(backend, {
    tag: 'openloop',
    adminUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  try {
    const opened = await database.open({ maxConnections: 2 });
    await seedDemoForum(opened.db, { slug: EVENT });
    const add = (slug: string) =>
      addSeatedSession(opened.db, { eventSlug: EVENT, venueSlug: 'bench-hall', sessionSlug: slug, capacity: 500 });
    const warmup = await add('open-warmup');
    const sessions = [];
    for (const rate of rates) sessions.push(await add(`open-${rate}`));
    await opened.close();
    const server = await startAppServer({
      port: PORT,
      database,
      env: { RATE_LIMIT_REGISTRATIONS_PER_MINUTE: '10000000' },
      nodeArgs: args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [],
    });
    try {
      await warmUp(server, warmup);
      for (const [i, rate] of rates.entries()) {
        const gc0 = await gcSeconds(server.url);
        const [cpu0, pg0, machine0] = [server.cpuMs() ?? 0, postgresCpuMs(), machineCpuMs()];
        const result = await openLoopRegistrations(server.url, sessions[i]!, {
          rate,
          seconds: Number(args.seconds),
          connections: 200,
          tag: `rate${rate}`,
        });
        const [cpu, pg, machine1] = [(server.cpuMs() ?? 0) - cpu0, postgresCpuMs() - pg0, machineCpuMs()];
        const per = (ms: number) => (ms / Math.max(1, result.requests)).toFixed(2);
        const gc1 = await gcSeconds(server.url);
        const gc = Object.keys(gc1)
          .map((kind) => `${kind} ${Math.round(((gc1[kind] ?? 0) - (gc0[kind] ?? 0)) * 1000)} ms`)
          .join(', ');
        console.log(
          `[open-loop] ${backend} ${rate}/s for ${args.seconds} s: sent ${result.sentPerSecond}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms, codes ${JSON.stringify(result.statusCodes)}; ` +
            `server CPU ${per(cpu)} ms/registration (${Math.round((cpu / (Number(args.seconds) * 1000)) * 100)}% of a core), PostgreSQL ${per(pg)}, machine ${Math.round(machineBusyShare(machine0, machine1) * 100)}% busy; GC ${gc}`,
        );
      }
    } finally {
      if (args.profile) {
        // SIGINT lets the server exit normally, which is when Node writes the profile.
        process.kill(server.pid, 'SIGINT');
        await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      }
      await server.kill9();
    }
    if (args.profile) {
      const file = fs.readdirSync(args.profile).find((f) => f.endsWith('.cpuprofile'));
      if (file) console.log(summariseCpuProfile(JSON.parse(fs.readFileSync(path.join(args.profile, file), 'utf8')), { top: 40 }));
    }
  } finally {
    await database.drop();
  }
}

/** Seconds the server's garbage collector has spent, by kind (prom-client's default metrics). */
async function gcSeconds(baseUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return Object.fromEntries(
    [...text.matchAll(/^nodejs_gc_duration_seconds_sum\{kind="(\w+)"\} ([\d.e+-]+)$/gm)].map((m) => [m[1]!, Number(m[2])]),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
