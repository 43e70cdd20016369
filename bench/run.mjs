// `npm run bench`: builds the app if needed, then runs each step under tsx against the production
// build: `main` (bench/main.ts: registration rush, reads, outbox drain, on PostgreSQL and PGlite),
// `join-storm` (bench/join-storm.ts, issue 21 item 2) and `organiser` (bench/organiser-scale.ts,
// item 4). `--only <step>[,<step>]` runs those alone; the other arguments go to the step run alone,
// or to `main` when every step runs. Each step writes bench/results/<step>-<time>.json; older results
// of the steps that ran are removed (git keeps the history).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuild } from '../scripts/ensure-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const STEPS = [
  // main's results are named by their time alone (bench/results/2026-…json).
  { name: 'main', script: 'main.ts', results: /^\d{4}-.*\.json$/ },
  { name: 'join-storm', script: 'join-storm.ts', results: /^join-storm-.*\.json$/ },
  { name: 'organiser', script: 'organiser-scale.ts', results: /^organiser-scale-.*\.json$/ },
];

const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? (argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : null;
const rest = onlyAt >= 0 ? [...argv.slice(0, onlyAt), ...argv.slice(onlyAt + 2)] : argv;
const unknown = (only ?? []).filter((name) => !STEPS.some((s) => s.name === name));
if (unknown.length) {
  console.error(`unknown step ${unknown.join(', ')}; steps: ${STEPS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const steps = only ? STEPS.filter((s) => only.includes(s.name)) : STEPS;

ensureBuild();
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
let status = 0;
for (const step of steps) {
  const stepArgs = only?.length === 1 || step.name === 'main' ? rest : [];
  console.log(`\n[bench] step ${step.name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', step.script), ...stepArgs], {
    cwd: root,
    stdio: 'inherit',
    // The outbox drain runs the app's mail worker in this process: with React's production build, as in
    // the server (the development build doubled its CPU per mail).
    // The worker logs a line per mail at info; the drain measures delivery, not its log (warnings still show).
    env: {
      ...process.env,
      // join-storm and organiser make their own database on this server (main reads BENCH_DATABASE_URL).
      DATABASE_URL: adminUrl,
      BENCH_DATABASE_URL: adminUrl,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
  });
  if (result.status !== 0) status = result.status ?? 1;
  pruneResults(step.results);
}
process.exit(status);

/** Keeps only the newest result file of a step (names sort by time). */
function pruneResults(pattern) {
  const dir = path.join(root, 'bench', 'results');
  const files = fs
    .readdirSync(dir)
    .filter((f) => pattern.test(f))
    .sort();
  for (const file of files.slice(0, -1)) fs.rmSync(path.join(dir, file));
}
