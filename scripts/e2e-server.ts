// Starts the production build for the browser tests on a fresh database: a new PostgreSQL
// database when DATABASE_URL is set, otherwise a new PGlite directory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../db/open';
import { seedDemo } from '../db/seed/demo';
import { demoEvent } from '../db/seed/demo-data';
import { seedMatrixFixtures } from '../tests/e2e/fixtures';

const port = process.env.E2E_PORT ?? '3210';
const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, APP_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: '1' };
let cleanup = async () => {};

async function prepare(opened: Awaited<ReturnType<typeof openDatabase>>) {
  await seedDemo(opened.db);
  await seedMatrixFixtures(opened.db, demoEvent.slug);
  await opened.close();
}

async function main() {
  if (process.env.DATABASE_URL) {
    const name = `hf_e2e_${Date.now().toString(36)}`;
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    env.AUTH_SECRET ??= 'e2e-secret-e2e-secret-e2e-secret-e2e-secret';
    await prepare(await openDatabase({ databaseUrl: env.DATABASE_URL }));
    cleanup = async () => {
      const dropper = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-e2e-'));
    env.DATA_DIR = dir;
    delete env.DATABASE_URL;
    // Seeded here rather than by the app's first start, so the matrix fixtures are there too.
    await prepare(await openDatabase({ dataDir: dir }));
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const next = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
  const server = spawn(process.execPath, [next, 'start', '-p', port, '-H', '127.0.0.1'], { stdio: 'inherit', env });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  server.on('exit', async (code) => {
    await cleanup().catch(() => {});
    process.exit(code ?? 0);
  });
}

main().catch(async (error) => {
  console.error(error);
  await cleanup().catch(() => {});
  process.exit(1);
});
