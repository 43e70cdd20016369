// How the app talks to PostgreSQL (db/postgres-clients.ts): named statements, and transactions on a
// pool of their own so that pipelined plain queries cannot strand a BEGIN.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRANSACTIONS_APPLICATION_NAME } from '@/db/postgres-clients';
import { events } from '@/db/schema';
import type { Db } from '@/db/types';
import { seedDemoForum } from '@/lib/demo/seed';
import { createTestDatabase, usingPostgres, type TestDatabase } from '../helpers/db';
import { rows } from '../helpers/registration';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ maxConnections: 4 });
  await seedDemoForum(t.db);
});
afterAll(() => t?.close());

describe.skipIf(!usingPostgres)('PostgreSQL connections', () => {
  it('sends Drizzle queries as named statements (parsed once per connection, one round trip each)', async () => {
    const named = await t.db.transaction(async (tx) => {
      await tx.select({ id: events.id }).from(events).where(eq(events.slug, 'china-asean-tech-forum'));
      return rows<{ statement: string }>(await tx.execute(sql`select statement from pg_prepared_statements where not from_sql`));
    });
    expect(named.map((n) => n.statement).join('\n')).toContain('from "events" where "events"."slug" = $1');
  });

  it('begins transactions on a pool of their own, never behind pipelined plain queries', async () => {
    const applicationName = async (db: Db) =>
      rows<{ name: string }>(await db.execute(sql`select current_setting('application_name') as name`))[0]!.name;
    const [plain, inTransaction] = await Promise.all([applicationName(t.db), t.db.transaction((tx) => applicationName(tx))]);
    expect(inTransaction).toBe(TRANSACTIONS_APPLICATION_NAME);
    expect(plain).not.toBe(TRANSACTIONS_APPLICATION_NAME);
  });
});
