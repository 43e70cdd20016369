// PGlite runs on the app's thread: queries must leave the event loop turns to accept and read
// sockets between them, or a crowd of requests starves whoever connected last (db/open.ts).
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '@/db/open';

const embedded = !process.env.DATABASE_URL;

describe.runIf(embedded)('PGlite and the event loop', () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await openDatabase({ dataDir: null });
  });
  afterAll(async () => {
    await opened.close();
  });

  async function completedBeforeNextTurn(run: () => Promise<unknown>, count: number) {
    let completed = 0;
    let seen = -1;
    const queries = Array.from({ length: count }, () => run().then(() => completed++));
    setImmediate(() => (seen = completed));
    await Promise.all(queries);
    await new Promise((resolve) => setImmediate(resolve));
    return seen;
  }

  it('gives the event loop a turn between queued queries and transactions', async () => {
    const queries = await completedBeforeNextTurn(() => opened.db.execute(sql`select 1`), 200);
    const transactions = await completedBeforeNextTurn(() => opened.db.transaction((tx) => tx.execute(sql`select 1`)), 200);
    expect(queries).toBeLessThan(5);
    expect(transactions).toBeLessThan(5);
  });

  it('without it, a bare PGlite runs a whole queue before the next turn (the control)', async () => {
    const bare = await PGlite.create();
    try {
      expect(await completedBeforeNextTurn(() => bare.query('select 1'), 200)).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
