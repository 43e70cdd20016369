// `npm start`: check configuration, build if needed, then serve. A new embedded DATA_DIR is created
// and migrated first, in a process of its own that ends before the server starts; otherwise
// migrations and the demo seed run inside the server at start-up (instrumentation.ts). Either way only
// one process holds the embedded database at a time.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, parseEnv } from '../lib/config/env';
import { serveCommand } from './serve-command';
// @ts-expect-error plain ES module shared with the test runner
import { ensureBuild } from './ensure-build.mjs';

let env: ReturnType<typeof parseEnv>;
try {
  env = parseEnv(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

ensureBuild();

// On the first start, PostgreSQL's initdb and the migrations grow PGlite's WebAssembly memory to
// ~750 MB, which it never gives back. Done here in a short-lived process, the server opens a ready
// directory and peaks near 300 MB.
if (env.embedded && !fs.existsSync(path.resolve(env.dataDir, 'pglite'))) {
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'db-migrate.ts')], {
    stdio: 'inherit',
    env: process.env,
  });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
}

const command = serveCommand(process.cwd(), {
  ...process.env,
  HOSTNAME: process.env.HOSTNAME ?? '0.0.0.0',
  NODE_ENV: 'production',
  NEXT_TELEMETRY_DISABLED: '1',
});
const server = spawn(process.execPath, command.args, { stdio: 'inherit', env: command.env });
console.log(`[start] serving on ${env.appUrl}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
