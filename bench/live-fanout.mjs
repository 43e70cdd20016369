// `npm run bench:live`: builds the app if needed, then runs bench/live-fanout.ts (see there) under tsx.
// Needs PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBuild } from '../scripts/ensure-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
ensureBuild();
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'live-fanout.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
});
process.exit(result.status ?? 1);
