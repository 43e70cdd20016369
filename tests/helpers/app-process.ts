// The production server as a real child process, on a database of its own: used by the fault tests
// and by bench/. Needs a production build (.next).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type OpenDatabase } from '@/db/open';
import { seedDemo } from '@/lib/demo/demo';
import { serveCommand } from '../../scripts/serve-command';

export type Backend = 'postgres' | 'pglite';

const root = path.resolve(import.meta.dirname, '..', '..');
const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A database a server child process can be pointed at, and that this process can open while it is stopped. */
export type AppDatabase = {
  backend: Backend;
  /** Environment that points a server at it. */
  env: Record<string, string>;
  /** Opens it here (for PGlite only while no server holds it). */
  open: (options?: { maxConnections?: number }) => Promise<OpenDatabase>;
  /** The connection URL (PostgreSQL only). */
  url?: string;
  drop: () => Promise<void>;
};

export function hasProductionBuild(): boolean {
  return fs.existsSync(path.join(root, '.next', 'BUILD_ID'));
}

/** A new, empty database: a fresh PostgreSQL database (via adminUrl) or a fresh PGlite DATA_DIR. */
export async function createAppDatabase(backend: Backend, options: { adminUrl?: string; tag?: string } = {}): Promise<AppDatabase> {
  const tag = options.tag ?? 'app';
  if (backend === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hf-${tag}-`));
    return {
      backend,
      env: { DATA_DIR: dir },
      open: () => openDatabase({ dataDir: dir }),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = options.adminUrl ?? process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;
  const name = `hf_${tag}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    backend,
    url: url.toString(),
    env: { DATABASE_URL: url.toString(), AUTH_SECRET: 'app-process-secret-app-process-secret-0123' },
    open: (o) => openDatabase({ databaseUrl: url.toString(), maxConnections: o?.maxConnections }),
    drop: async () => {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * The demo forum and its accounts in a database made by createAppDatabase. The server seeds only an
 * empty embedded (PGlite) database itself; a PostgreSQL one starts empty, as in production.
 */
export async function seedDemoInto(database: AppDatabase): Promise<void> {
  const opened = await database.open();
  try {
    await seedDemo(opened.db);
  } finally {
    await opened.close();
  }
}

export type AppServer = {
  pid: number;
  url: string;
  /** Resolves with the exit code or signal when the process ends. */
  exited: Promise<number | string | null>;
  /** SIGTERM, then waits for the process to end. */
  stop: () => Promise<void>;
  /** SIGKILL (no clean-up of any kind), then waits for the process to end. */
  kill9: () => Promise<void>;
  /** Peak resident set size so far in KiB (VmHWM), from /proc. */
  peakRssKb: () => number | null;
  /** Current resident set size in KiB (VmRSS). */
  rssKb: () => number | null;
  /** CPU time (user + system) the server has used so far, in ms. */
  cpuMs: () => number | null;
  /** What the server printed, for diagnosing a failed start. */
  output: () => string;
};

function procStatusKb(pid: number, field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function procCpuMs(pid: number): number | null {
  try {
    // Fields after the command name: state is 3rd, utime 14th, stime 15th (in clock ticks, 100 per second on Linux).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** Starts the production server (scripts/serve.ts) on 127.0.0.1:port against the database and waits until /api/health answers 200. */
export async function startAppServer(options: {
  port: number;
  database: AppDatabase;
  env?: Record<string, string>;
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}): Promise<AppServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.database.env,
    ...options.env,
    PORT: String(options.port),
    HOSTNAME: '127.0.0.1',
    APP_URL: url,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  };
  if (options.database.backend === 'pglite') delete env.DATABASE_URL;
  const command = serveCommand(root, env, options.nodeArgs);
  const child: ChildProcess = spawn(process.execPath, command.args, {
    cwd: root,
    env: command.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const pid = child.pid!;
  let ended = false;
  void exited.then(() => (ended = true));
  const waitEnd = async (signal: NodeJS.Signals) => {
    if (!ended) child.kill(signal);
    await exited;
  };
  const server: AppServer = {
    pid,
    url,
    exited,
    stop: () => waitEnd('SIGTERM'),
    kill9: () => waitEnd('SIGKILL'),
    peakRssKb: () => procStatusKb(pid, 'VmHWM'),
    rssKb: () => procStatusKb(pid, 'VmRSS'),
    cpuMs: () => procCpuMs(pid),
    output: () => output,
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 180_000);
  while (Date.now() < deadline) {
    if (ended) throw new Error(`server exited before it was ready:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  await server.kill9();
  throw new Error(`server did not become ready within ${options.readyTimeoutMs ?? 180_000} ms:\n${output}`);
}
