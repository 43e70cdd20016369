// `npm run bench`: builds the app if needed, then runs bench/main.ts (see there) under tsx.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureBuild } from '../scripts/ensure-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
ensureBuild();
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'main.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  // The outbox drain runs the app's mail worker in this process: with React's production build, as in
  // the server (the development build doubled its CPU per mail).
  // The worker logs a line per mail at info; the drain measures delivery, not its log (warnings still show).
  env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
});
process.exit(result.status ?? 1);
