// `npx tsx bench/organiser-scale.ts` (needs the production build and DATABASE_URL, the PostgreSQL
// server's admin URL; `npm run bench -- --only organiser` runs it alone): issue 21 item 4, the
// organiser's pages on 50,000 registrations and 2,000 sessions, against a real running server.
//
// A fresh PostgreSQL database with the demo forum, 2,000 more sessions over the four venues and
// 50,000 registrations (`--registrations`; names in several scripts, both modes, every status,
// created over 60 days, two sessions each: 100,000 seat rows), VACUUM ANALYZE, the production
// server (scripts/serve.ts), an organiser signed in with a real session cookie. Then, one request at
// a time as a browser sends them, after 5 warm-up requests each, `--requests` of each:
//   - the health route (its p95 is the framework's floor for one request);
//   - the registrations list, first page (50 rows, newest first, with the total);
//   - a filtered page (in person, Bangkok, confirmed);
//   - a search (part of a name, an address or an organisation: q=);
//   - the event dashboard (totals, per day, per venue, per country, per session);
// and `--exports` CSV exports of all 50,000 rows, each read to the end as a browser downloads it,
// timed, with the server's RSS sampled every 20 ms (the growth from the RSS just before); and the
// first-load JavaScript of the event and registration pages.
// Writes bench/results/organiser-scale-<time>.json with the load average beside every figure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { encode } from 'next-auth/jwt';
import { openSession } from '@/lib/auth/sessions';
import { grantEventRole, upsertUser } from '@/lib/auth/users';
import { createAppDatabase, startAppServer } from '../tests/helpers/app-process';
import { firstLoadJs } from './support/first-load-js';
import { seedOrganiserScale } from './support/organiser-seed';
import { percentile, round } from './support/stats';

const { values: args } = parseArgs({
  options: {
    registrations: { type: 'string', default: '50000' },
    sessions: { type: 'string', default: '2000' },
    requests: { type: 'string', default: '40' },
    exports: { type: 'string', default: '3' },
    port: { type: 'string', default: process.env.PORT ?? '3812' },
  },
});
const N = Number(args.registrations);
const SESSIONS = Number(args.sessions);
const REQUESTS = Number(args.requests);
const EXPORTS = Number(args.exports);
const PORT = Number(args.port);
const EVENT = 'china-asean-tech-forum';
const SEARCHES = ['Nguyễn', 'ใจดี', 'Organisation 12', 'bench77', 'Kenji Sa', '王'];

const load = () => os.loadavg().map((l) => +l.toFixed(2));
const log = (line: string) => console.log(`[organiser ${new Date().toISOString().slice(11, 19)}] ${line}`);
const summary = (ms: number[]) => ({
  p50: round(percentile(ms, 50)),
  p95: round(percentile(ms, 95)),
  max: round(Math.max(...ms)),
  n: ms.length,
});

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL (the PostgreSQL admin URL) is needed');
  const loadAtStart = load();
  const database = await createAppDatabase('postgres', { tag: 'organiser' });
  process.env.AUTH_SECRET = database.env.AUTH_SECRET;
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  try {
    const opened = await database.open({ maxConnections: 2 });
    const db = opened.db;
    const started = performance.now();
    await seedOrganiserScale(db, { slug: EVENT, registrations: N, sessions: SESSIONS });
    const seedSeconds = round((performance.now() - started) / 1000, 1);
    log(`seeded ${N} registrations and ${SESSIONS} sessions in ${seedSeconds} s`);
    const userId = await upsertUser(db, { email: 'organiser.bench@forum.test', name: 'Bench organiser' });
    await grantEventRole(db, { userId, eventSlug: EVENT, role: 'organiser' });
    const sessionToken = await openSession(db, userId);
    await opened.close();

    server = await startAppServer({ port: PORT, database });
    const cookie = `next-auth.session-token=${await encode({ token: { sessionToken }, secret: database.env.AUTH_SECRET! })}`;
    const admin = `/admin/events/${EVENT}`;
    const get = async (pathname: string, expectText?: string) => {
      const t0 = performance.now();
      const response = await fetch(`${server!.url}${pathname}`, { headers: { Cookie: cookie }, redirect: 'manual' });
      const body = await response.text();
      const ms = performance.now() - t0;
      if (response.status !== 200) throw new Error(`${pathname}: ${response.status} ${body.slice(0, 300)}`);
      if (expectText && !body.includes(expectText)) throw new Error(`${pathname}: no ${expectText} in the answer`);
      return { ms, body };
    };
    const pages: Record<string, { path: (i: number) => string; expect?: string }> = {
      health: { path: () => '/api/health' },
      listFirstPage: { path: () => `${admin}/registrations`, expect: 'data-testid="registration-total"' },
      listFiltered: { path: () => `${admin}/registrations?mode=in_person&venue=bangkok&status=confirmed`, expect: 'data-registration=' },
      search: {
        path: (i) => `${admin}/registrations?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`,
        expect: 'data-registration=',
      },
      dashboard: { path: () => admin, expect: 'data-total="confirmed"' },
    };
    const figures: Record<
      string,
      ReturnType<typeof summary> & { loadAverage: number[]; serverCpuMsPerRequest: number; kbPerAnswer: number }
    > = {};
    for (const [name, page] of Object.entries(pages)) {
      for (let i = 0; i < 5; i++) await get(page.path(i), page.expect);
      const loadBefore = load();
      const cpu0 = server.cpuMs() ?? 0;
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const answer = await get(page.path(i), page.expect);
        ms.push(answer.ms);
        bytes += Buffer.byteLength(answer.body);
      }
      figures[name] = {
        ...summary(ms),
        serverCpuMsPerRequest: round(((server.cpuMs() ?? 0) - cpu0) / REQUESTS, 1),
        kbPerAnswer: round(bytes / REQUESTS / 1024),
        loadAverage: loadBefore,
      };
      log(
        `${name}: p50 ${figures[name].p50} ms, p95 ${figures[name].p95} ms, ${figures[name].serverCpuMsPerRequest} ms CPU, ${figures[name].kbPerAnswer} KB each`,
      );
    }
    const total = /data-testid="registration-total"[^>]*>([^<]+)</.exec((await get(pages.listFirstPage!.path(0))).body)?.[1];

    const exports: {
      seconds: number;
      rows: number;
      bytes: number;
      rssBeforeMb: number;
      rssPeakMb: number;
      rssGrowthMb: number;
      loadAverage: number[];
    }[] = [];
    for (let e = 0; e < EXPORTS; e++) {
      const loadBefore = load();
      const rssBefore = server.rssKb() ?? 0;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, server!.rssKb() ?? 0)), 20);
      const t0 = performance.now();
      const response = await fetch(`${server.url}${admin}/registrations/export.csv`, { headers: { Cookie: cookie } });
      if (response.status !== 200) throw new Error(`export.csv: ${response.status}`);
      let bytes = 0;
      let rows = 0;
      for await (const chunk of response.body! as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) rows += 1;
      }
      const seconds = (performance.now() - t0) / 1000;
      clearInterval(sampler);
      rssPeak = Math.max(rssPeak, server.rssKb() ?? 0);
      exports.push({
        seconds: round(seconds, 2),
        rows: rows - 1,
        bytes,
        rssBeforeMb: round(rssBefore / 1024),
        rssPeakMb: round(rssPeak / 1024),
        rssGrowthMb: round((rssPeak - rssBefore) / 1024),
        loadAverage: loadBefore,
      });
      log(
        `export ${e + 1}: ${rows - 1} rows, ${round(bytes / 1e6, 1)} MB in ${round(seconds, 2)} s, RSS ${round(rssBefore / 1024)} → ${round(rssPeak / 1024)} MB`,
      );
    }

    // The public pages' first-load JavaScript (issue 21: ≤ 150 KB gzipped), as bench/main.ts measures it.
    const firstLoad = [];
    for (const page of [`/events/${EVENT}`, `/events/${EVENT}/register`]) firstLoad.push(await firstLoadJs(server.url, page));
    log(`first-load JS (gzip KB): ${firstLoad.map((f) => `${f.page} ${f.gzipKb}`).join(', ')}`);

    const result = {
      at: new Date().toISOString(),
      method: 'HTTP to the production server (scripts/serve.ts), PostgreSQL, an organiser, one request at a time',
      registrations: N,
      sessions: SESSIONS,
      listTotalShown: total,
      seedSeconds,
      loadAverageAtStart: loadAtStart,
      pagesMs: figures,
      csvExport: exports,
      firstLoadJs: firstLoad,
      loadAverageAtEnd: load(),
    };
    console.log(JSON.stringify(result, null, 2));
    const file = path.join('bench', 'results', `organiser-scale-${result.at.replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log(`written ${file}`);
  } finally {
    await server?.stop();
    await database.drop();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
