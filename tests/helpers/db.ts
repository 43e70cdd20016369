import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type OpenDatabase } from '@/db/open';

export type TestDatabase = OpenDatabase & { name: string };

export const usingPostgres = Boolean(process.env.DATABASE_URL);

/**
 * A fresh, migrated database for one test file: a new PostgreSQL database when DATABASE_URL is set
 * (dropped on close), otherwise an in-memory PGlite.
 */
export async function createTestDatabase(options: { maxConnections?: number } = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const opened = await openDatabase({ dataDir: null });
    return { ...opened, name: 'pglite-memory' };
  }
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
