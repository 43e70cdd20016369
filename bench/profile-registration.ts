// `node --import tsx bench/profile-registration.ts [--attempts 3000] [--dir /tmp/prof] [--get PATH]`: the registration
// burst of bench/main.ts against the production server started with --cpu-prof, on a fresh PostgreSQL
// database, then a summary of where the server spent its CPU (bench/support/cpu-profile.ts).
// Needs a production build (node scripts/ensure-build.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemoForum } from '@/lib/demo/seed';
import { createAppDatabase, startAppServer } from '../tests/helpers/app-process';
import { addSeatedSession } from '../tests/helpers/seated-session';
import { summariseCpuProfile } from './support/cpu-profile';
import { machineBusyShare, machineCpuMs, postgresCpuMs, userAndSystemMs } from './support/machine-cpu';
import { measureGet, registrationBurst } from './support/load';
import { warmUp } from './support/warm-up';

const { values: args } = parseArgs({
  options: {
    attempts: { type: 'string', default: '3000' },
    seats: { type: 'string', default: '500' },
    connections: { type: 'string', default: '200' },
    dir: { type: 'string', default: '/tmp/hf-prof' },
    top: { type: 'string', default: '40' },
    /** Without the profiler: the same burst, for CPU per registration undisturbed by sampling. */
    plain: { type: 'boolean', default: false },
    /** Instead of registrations: GETs of this path (e.g. /api/v1/events/china-asean-tech-forum/sessions) from 100 connections for 10 s. */
    get: { type: 'string' },
  },
});

const EVENT = 'china-asean-tech-forum';
const PORT = Number(process.env.BENCH_PORT ?? 3990);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A read load in the shape of a burst, so the same report serves both. */
async function readLoad(url: string) {
  const started = performance.now();
  const load = await measureGet(url, { connections: 100, seconds: 10 });
  return { load, answers: Array.from({ length: load.requests }, () => ({ status: 200 })), seconds: (performance.now() - started) / 1000 };
}

async function main() {
  const dir = path.resolve(args.dir!);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const database = await createAppDatabase('postgres', { tag: 'prof', adminUrl: ADMIN_URL });
  try {
    const opened = await database.open({ maxConnections: 2 });
    await seedDemoForum(opened.db, { slug: EVENT });
    const add = (sessionSlug: string) =>
      addSeatedSession(opened.db, { eventSlug: EVENT, venueSlug: 'bench-hall', sessionSlug, capacity: Number(args.seats) });
    const burstSession = await add('bench-burst');
    const warmupSession = await add('bench-warmup');
    await opened.close();

    const server = await startAppServer({
      port: PORT,
      database,
      env: { RATE_LIMIT_REGISTRATIONS_PER_MINUTE: '10000000' },
      nodeArgs: args.plain ? [] : ['--cpu-prof', `--cpu-prof-dir=${dir}`],
    });
    try {
      await warmUp(server, warmupSession);
      const cpu0 = server.cpuMs() ?? 0;
      const split0 = userAndSystemMs(server.pid);
      const [machine0, postgres0, self0] = [machineCpuMs(), postgresCpuMs(), process.cpuUsage()];
      const burst = args.get
        ? await readLoad(`${server.url}${args.get}`)
        : await registrationBurst(server.url, burstSession, {
            connections: Number(args.connections),
            attempts: Number(args.attempts),
            tag: 'prof',
            maxSeconds: 120,
          });
      const cpu = (server.cpuMs() ?? 0) - cpu0;
      const split1 = userAndSystemMs(server.pid);
      const [machine1, postgres1, self1] = [machineCpuMs(), postgresCpuMs(), process.cpuUsage(self0)];
      const perRegistration = (ms: number) => (ms / Math.max(1, burst.answers.length)).toFixed(2);
      console.log(
        `[profile] ${burst.answers.length} answers in ${burst.seconds.toFixed(1)} s: ${(burst.answers.length / burst.seconds).toFixed(1)}/s, p50 ${burst.load.p50Ms} ms, p99 ${burst.load.p99Ms} ms, ` +
          `codes ${JSON.stringify(burst.load.statusCodes)}, server CPU ${perRegistration(cpu)} ms/registration ` +
          `(user ${perRegistration(split1.user - split0.user)}, system ${perRegistration(split1.system - split0.system)})`,
      );
      // Everything on the machine shares its cores: what each part costs per registration.
      console.log(
        `[profile] machine CPU ${perRegistration(machine1.busy - machine0.busy)} ms/registration (${Math.round(machineBusyShare(machine0, machine1) * 100)}% busy): ` +
          `server ${perRegistration(cpu)}, PostgreSQL ${perRegistration(postgres1 - postgres0)}, load generator ${perRegistration((self1.user + self1.system) / 1000)}`,
      );
      if (burst.answers.some((a) => a.status >= 500)) console.log(`[profile] server output:\n${server.output()}`);
    } finally {
      // SIGINT lets Next.js exit normally, which is when Node writes the profile.
      try {
        process.kill(server.pid, 'SIGINT');
      } catch {
        // already gone
      }
      await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      await server.kill9();
    }
  } finally {
    await database.drop();
  }
  if (args.plain) return;
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  console.log(summariseCpuProfile(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), { top: Number(args.top) }));
  console.log(`[profile] ${path.join(dir, file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
