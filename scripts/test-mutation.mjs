// `npm run test:mutation [-- fast]`: StrykerJS on PostgreSQL (the driver the invariants are proved on;
// PGlite serialises every transaction). DATABASE_URL defaults to the local test server. Each StrykerJS
// worker reuses one test database (tests/helpers/db.ts, TEST_DATABASE_REUSE), dropped at the end.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';

const root = path.resolve(import.meta.dirname, '..');
const fast = process.argv.includes('fast');
// `module lib/<name>`: the full run for that module only (stryker.module.config.mjs).
const moduleAt = process.argv.indexOf('module');
const module = moduleAt >= 0 ? process.argv[moduleAt + 1] : undefined;
// Anything else is passed on to StrykerJS (e.g. `-- --concurrency 1`).
const extra = process.argv.slice(2).filter((arg, i) => arg !== 'fast' && i !== moduleAt - 2 && i !== moduleAt - 1);
const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const prefix = `hf_mut_${process.pid}`;
const env = { ...process.env, DATABASE_URL: databaseUrl, TEST_DATABASE_REUSE: prefix, ...(module ? { MUTATION_MODULE: module } : {}) };
const scope = fast ? 'fast subset (seats, outbox)' : module ? `module ${module}` : 'invariant modules';
console.log(`[mutation] ${scope} on ${new URL(databaseUrl).host}`);
const config = fast ? 'stryker.fast.config.mjs' : module ? 'stryker.module.config.mjs' : 'stryker.config.mjs';
const status = spawnSync(path.join(root, 'node_modules', '.bin', 'stryker'), ['run', config, ...extra], {
  cwd: root,
  stdio: 'inherit',
  env,
}).status;

const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
for (const { datname } of await admin`select datname from pg_database where datname like ${`${prefix}_%`}`) {
  await admin.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
}
await admin.end();
process.exit(status ?? 1);
