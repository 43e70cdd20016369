// Starts the production build for the browser tests on a fresh database: a new PostgreSQL
// database when DATABASE_URL is set, otherwise a new PGlite directory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase } from '../db/open';
import { seedDemo } from '../lib/demo/demo';
import { demoEvent } from '../lib/demo/demo-data';
import { seedDeskDelegation, seedMatrixFixtures, seedPastForum } from '../tests/e2e/fixtures';
import { recordSharedDatabase } from '../tests/e2e/support/second-instance';
import { recordSeededIds } from '../tests/e2e/support/seeded-ids';
import { serveCommand } from './serve-command';

const port = process.env.E2E_PORT ?? '3210';
const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, APP_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: '1' };
let cleanup = async () => {};

/**
 * Seeds with the server's own configuration (APP_URL, AUTH_SECRET or DATA_DIR), so links and tokens
 * made while seeding are the ones the server will accept.
 */
async function prepare(settings: Record<string, string | undefined>, open: () => ReturnType<typeof openDatabase>) {
  Object.assign(process.env, { APP_URL: env.APP_URL }, settings);
  if (settings.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
  const opened = await open();
  await seedDemo(opened.db);
  await seedMatrixFixtures(opened.db, demoEvent.slug);
  await seedPastForum(opened.db);
  await seedDeskDelegation(opened.db, demoEvent.slug);
  await recordSeededIds(opened.db, demoEvent.slug);
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
    await prepare({ DATABASE_URL: env.DATABASE_URL, AUTH_SECRET: env.AUTH_SECRET }, () => openDatabase({ databaseUrl: env.DATABASE_URL! }));
    // A spec may start a second instance on this database (tests/e2e/support/second-instance.ts).
    recordSharedDatabase({ DATABASE_URL: env.DATABASE_URL, AUTH_SECRET: env.AUTH_SECRET });
    cleanup = async () => {
      recordSharedDatabase(null);
      const dropper = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    };
  } else {
    recordSharedDatabase(null);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-e2e-'));
    env.DATA_DIR = dir;
    delete env.DATABASE_URL;
    // Seeded here rather than by the app's first start, so the matrix fixtures are there too.
    await prepare({ DATA_DIR: dir, DATABASE_URL: undefined }, () => openDatabase({ dataDir: dir }));
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const command = serveCommand(process.cwd(), { ...env, HOSTNAME: '127.0.0.1', NODE_ENV: 'production' });
  const server = spawn(process.execPath, command.args, { stdio: 'inherit', env: command.env });
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
