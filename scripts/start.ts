// `npm start`: check configuration, build if needed, then serve. Migrations and the demo seed run
// inside the server at start-up (instrumentation.ts), so one process owns the embedded database.
import { spawn } from 'node:child_process';
import { ConfigError, parseEnv } from '../lib/config/env';
import { serveArgs } from './serve-command';
// @ts-expect-error plain ES module shared with the test runner
import { ensureBuild } from './ensure-build.mjs';

let env;
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

const server = spawn(process.execPath, serveArgs(process.cwd()), {
  stdio: 'inherit',
  env: { ...process.env, HOSTNAME: process.env.HOSTNAME ?? '0.0.0.0', NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
});
console.log(`[start] serving on ${env.appUrl}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
