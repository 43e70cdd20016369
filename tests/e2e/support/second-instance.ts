// A second app instance for browser tests: the production build as its own process on the e2e
// server's PostgreSQL database, which a spec can stop (SIGTERM) and start again mid-test while
// browsers are connected. PGlite is one process's embedded database, so there is none on PGlite.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { e2ePort, e2eSecondInstancePort } from '../../helpers/e2e-ports';

type SharedDatabase = { DATABASE_URL: string; AUTH_SECRET: string };

function databaseFile(): string {
  return path.join(os.tmpdir(), `hybrid-forum-e2e-${e2ePort()}-database.json`);
}

/** Written by scripts/e2e-server.ts when it serves from PostgreSQL, removed when it stops. */
export function recordSharedDatabase(shared: SharedDatabase | null): void {
  if (shared) fs.writeFileSync(databaseFile(), JSON.stringify(shared), { mode: 0o600 });
  else fs.rmSync(databaseFile(), { force: true });
}

/** The e2e server's PostgreSQL database, or null when it runs on PGlite. */
export function sharedDatabase(): SharedDatabase | null {
  try {
    return JSON.parse(fs.readFileSync(databaseFile(), 'utf8')) as SharedDatabase;
  } catch {
    return null;
  }
}

export type Instance = {
  url: string;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string | null>;
  /** SIGTERM, then waits for the process to end. */
  stop: () => Promise<void>;
};

/**
 * Starts the second instance on its own port and waits until it answers; its mail stays with the e2e
 * server's worker. The command is scripts/serve-command.ts's (the bundled server, the same heap
 * limit), written out here: Playwright's loader cannot load that module's .mjs import.
 */
export async function startSecondInstance(): Promise<Instance> {
  const shared = sharedDatabase();
  if (!shared) throw new Error('the e2e server is not on PostgreSQL');
  const port = e2eSecondInstancePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--max-old-space-size=192', path.join(process.cwd(), '.next', 'hybrid-forum', 'serve.mjs')], {
    env: {
      ...process.env,
      ...shared,
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      APP_URL: url,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      MAIL_WORKER: 'off',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-10_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let ended = false;
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = true;
      resolve(code ?? signal);
    }),
  );
  const instance: Instance = {
    url,
    exited,
    stop: async () => {
      if (!ended) child.kill('SIGTERM');
      await exited;
    },
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (ended) throw new Error(`the second instance exited before it was ready:\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) })).ok) return instance;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the second instance did not answer within 90 s:\n${output}`);
}
