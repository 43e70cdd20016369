// pgbench running the bare registration transaction directly against PostgreSQL: the ceiling the
// app's registration endpoint is compared with.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile } from './stats';

export function findPgbench(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  for (const version of fs.readdirSync(root).sort().reverse()) {
    const candidate = path.join(root, version, 'bin', 'pgbench');
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

export type PgbenchResult = { clients: number; transactions: number; failed: number; perSecond: number; p50Ms: number; p99Ms: number };

/** Runs `script` from `clients` connections for `seconds` (prepared statements, like postgres.js). */
export function runPgbench(
  pgbench: string,
  url: string,
  script: string,
  options: { clients: number; seconds: number; variables?: Record<string, string> },
): PgbenchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-pgbench-'));
  try {
    const file = path.join(dir, 'registration.sql');
    fs.writeFileSync(file, script);
    const variables = Object.entries(options.variables ?? {}).flatMap(([name, value]) => ['-D', `${name}=${value}`]);
    const args = [
      '-n',
      '-M',
      'prepared',
      '-c',
      String(options.clients),
      '-j',
      String(Math.min(options.clients, os.cpus().length)),
      '-T',
      String(options.seconds),
      ...variables,
      '-f',
      file,
      '-l',
      `--log-prefix=${path.join(dir, 'log')}`,
      url,
    ];
    const run = spawnSync(pgbench, args, { encoding: 'utf8', cwd: dir });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(run.stdout);
    const failed = Number(/number of failed transactions: (\d+)/.exec(run.stdout)?.[1] ?? 0);
    if (run.status !== 0 || !tps) throw new Error(`pgbench failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    // Per-transaction log lines: client_id transaction_no latency_us script_no epoch_s epoch_us
    const latencies = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('log'))
      .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .filter((ms) => Number.isFinite(ms));
    return {
      clients: options.clients,
      transactions: latencies.length,
      failed,
      perSecond: Number(tps[1]),
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
