import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { migrationsFolder, openDatabase, type OpenDatabase } from '@/db/open';

export type TestDatabase = OpenDatabase & { name: string };

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database when DATABASE_URL is set
 * (dropped on close), otherwise an in-memory PGlite.
 */
export async function createTestDatabase(options: { maxConnections?: number } = {}): Promise<TestDatabase> {
  // As the server's boot does: a cancelled registration's meetings are cancelled with it.
  (await import('@/lib/meetings/cancel-registration-meetings')).installMeetingCancellation();
  const url = process.env.DATABASE_URL;
  if (!url) {
    const opened = await openDatabase({ dataDir: null, loadDataDir: await migratedPgliteTemplate() });
    return { ...opened, name: 'pglite-memory' };
  }
  if (process.env.TEST_DATABASE_REUSE) return reusedTestDatabase(url, process.env.TEST_DATABASE_REUSE, options);
  const name = `hf_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const opened = await openDatabase({ databaseUrl: testUrl.toString(), maxConnections: options.maxConnections ?? 20 });
  return {
    ...opened,
    name,
    close: async () => {
      await opened.close();
      const dropper = postgres(url, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * Under mutation testing (scripts/test-mutation.mjs sets TEST_DATABASE_REUSE to a name prefix) a test
 * file runs once per mutant, and creating plus dropping a PostgreSQL database costs ~7 s here each
 * time: each StrykerJS worker keeps one migrated database and empties it before every file instead.
 * The script drops these databases when the run ends.
 */
async function reusedTestDatabase(url: string, prefix: string, options: { maxConnections?: number }): Promise<TestDatabase> {
  const name = `${prefix}_${process.env.STRYKER_MUTATOR_WORKER ?? '0'}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 as found from pg_database where datname = ${name}`;
    if (!exists) await admin.unsafe(`CREATE DATABASE ${name}`);
    // Connections a failed run left open would hold locks the TRUNCATE below waits for.
    await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`;
  } finally {
    await admin.end();
  }
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const opened = await openDatabase({ databaseUrl: testUrl.toString(), maxConnections: options.maxConnections ?? 20 });
  const tables = await opened.db.execute<{ list: string | null }>(
    sql`select string_agg(format('%I.%I', schemaname, tablename), ', ') as list from pg_tables where schemaname = 'public'`,
  );
  const list = (Array.isArray(tables) ? tables : (tables as unknown as { rows: { list: string | null }[] }).rows)[0]?.list;
  if (list) await opened.db.execute(sql.raw(`TRUNCATE ${list} RESTART IDENTITY CASCADE`));
  return { ...opened, name };
}

/**
 * A freshly migrated PGlite database as a tarball, made once per set of migrations and kept on disk.
 * Opening an in-memory PGlite runs initdb (about 3 s here) and then every migration; opening a dump
 * skips both (about 1 s), and a hundred test files each open one. The file is named by a hash of the
 * migrations, so a changed or new migration makes a new one; a test opening it still runs `migrate`,
 * which finds every migration applied.
 */
async function migratedPgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  const cacheDir = path.join(process.cwd(), 'node_modules', '.cache', 'hybrid-forum');
  const template = path.join(cacheDir, `pglite-migrated-${hash.digest('hex').slice(0, 16)}.tar`);
  if (!fs.existsSync(template)) {
    const opened = await openDatabase({ dataDir: null });
    const dump = await opened.dumpDataDir!();
    await opened.close();
    fs.mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed: test files in other workers may be making or reading the same one.
    const partial = `${template}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, template);
  }
  return new Blob([fs.readFileSync(template)]);
}
