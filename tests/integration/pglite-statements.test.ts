// PGlite's statements that run again and again are kept as named statements, planned once
// (db/pglite-statements.ts): the same rows, errors and transactions as PGlite's own unnamed ones.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '@/db/open';
import { MAX_NAMED_STATEMENTS } from '@/db/pglite-statements';
import { resultRows } from '@/db/rows';
import { events, venues } from '@/db/schema';
import { seedDemoForum } from '@/lib/demo/seed';

const embedded = !process.env.DATABASE_URL;

type Statement = { name: string; statement: string; executions: number };

describe.runIf(embedded)('PGlite named statements', () => {
  let opened: OpenDatabase;
  beforeAll(async () => {
    opened = await openDatabase({ dataDir: null });
    await seedDemoForum(opened.db, { slug: 'named-forum' });
    await opened.db.execute(sql`create type mood as enum ('calm', 'busy')`);
    await opened.db.execute(sql`
      create table typed (id uuid primary key, label text unique, at timestamptz, tags text[], mood mood, details jsonb, flag boolean, n int, big bigint)`);
    await opened.db.execute(sql`
      insert into typed values
        ('00000000-0000-4000-8000-000000000001', 'one', '2026-12-05T01:02:03.456Z', '{a,"b c"}', 'calm', '{"zh":"南宁","n":[1,2]}', true, 7, 9007199254740993),
        ('00000000-0000-4000-8000-000000000002', null, null, null, null, null, null, null, null)`);
  });
  afterAll(async () => {
    await opened.close();
  });

  const ours = async (): Promise<Statement[]> =>
    resultRows<{ name: string; statement: string; executions: string }>(
      await opened.db.execute(
        sql`select name, statement, (generic_plans + custom_plans)::text as executions from pg_prepared_statements where name like 'hf\_s%'`,
      ),
    ).map((row) => ({ ...row, executions: Number(row.executions) }));

  it('answers a statement run again with the same rows, in object and array mode, and runs it as a named statement', async () => {
    const byParams = () =>
      opened.db.execute(
        sql`select * from typed where id = any(${sql.param(['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'])}::uuid[]) and (label is null or label <> ${'none'}) order by id`,
      );
    const joined = () =>
      opened.db
        .select({ event: events, venue: venues })
        .from(events)
        .leftJoin(venues, eq(venues.eventId, events.id))
        .where(eq(events.slug, 'named-forum'))
        .orderBy(venues.position);
    const firstRows = resultRows(await byParams());
    const firstJoined = await joined();
    for (let run = 0; run < 4; run++) {
      expect(resultRows(await byParams())).toEqual(firstRows);
      expect(await joined()).toEqual(firstJoined);
    }
    expect(firstRows[0]).toMatchObject({
      label: 'one',
      tags: ['a', 'b c'],
      mood: 'calm',
      details: { zh: '南宁', n: [1, 2] },
      flag: true,
      n: 7,
    });
    expect(firstRows[1]).toMatchObject({ label: null, tags: null, details: null, flag: null });
    expect(firstJoined[0]!.event.startsAt).toBeInstanceOf(Date);
    expect(firstJoined.length).toBeGreaterThan(1);

    const named = await ours();
    const typed = named.find((s) => s.statement.includes('from typed where id = any'));
    const join = named.find((s) => s.statement.includes('left join "venues"'));
    // The first run is PGlite's own; from the second on, the named statement's.
    expect(typed?.executions).toBe(4);
    expect(join?.executions).toBe(4);
  });

  it('answers the same result as PGlite’s own: fields, command and counts, for reads and writes', async () => {
    const read = () => opened.db.execute(sql`select id, label, at, details from typed where n = ${7}`);
    const write = () =>
      opened.db.execute(sql`update typed set n = n where id = any(${sql.param(['00000000-0000-4000-8000-000000000001'])}::uuid[])`);
    const none = () => opened.db.execute(sql`select id from typed where n = ${-1}`);
    for (const run of [read, write, none]) {
      const first = await run();
      for (let again = 0; again < 3; again++) expect(await run()).toEqual(first);
    }
    expect(await write()).toMatchObject({ command: 'UPDATE', affectedRows: 1, rowCount: 1 });
    expect(await read()).toMatchObject({
      command: 'SELECT',
      rowCount: 1,
      fields: [{ name: 'id' }, { name: 'label' }, { name: 'at' }, { name: 'details' }],
    });
  });

  it('keeps the named statements inside transactions, and a failed statement rolls its transaction back with PostgreSQL’s error', async () => {
    const insert = (label: string) => sql`insert into typed (id, label) values (gen_random_uuid(), ${label})`;
    const failure = async (label: string) =>
      opened.db
        .transaction(async (tx) => {
          await tx.execute(insert(`${label}-first`));
          await tx.execute(insert('one'));
        })
        .then(
          () => null,
          (error: unknown) => error as { cause?: { code?: string; query?: string } },
        );
    for (const label of ['a', 'b', 'c']) {
      const error = await failure(label);
      expect(error?.cause?.code).toBe('23505');
      expect(error?.cause?.query).toContain('insert into typed');
    }
    const labels = resultRows<{ label: string }>(await opened.db.execute(sql`select label from typed where label like '%-first'`));
    expect(labels).toEqual([]);

    await opened.db.transaction(async (tx) => {
      for (const label of ['x', 'y', 'z']) await tx.execute(insert(label));
    });
    const written = resultRows<{ label: string }>(
      await opened.db.execute(sql`select label from typed where label in ('x', 'y', 'z') order by label`),
    );
    expect(written.map((row) => row.label)).toEqual(['x', 'y', 'z']);
    const named = await ours();
    expect(named.find((s) => s.statement.startsWith('insert into typed'))?.executions).toBeGreaterThanOrEqual(4);
  });

  it('a transaction used after it ended is refused, as PGlite refuses it', async () => {
    let kept: Parameters<Parameters<OpenDatabase['db']['transaction']>[0]>[0] | undefined;
    await opened.db.transaction(async (tx) => {
      kept = tx;
      await tx.execute(sql`select 1`);
    });
    const error = await kept!.execute(sql`select 1`).then(
      () => null,
      (failure: { cause?: Error }) => failure,
    );
    expect(error?.cause?.message).toBe('Transaction is closed');
  });

  it('keeps at most MAX_NAMED_STATEMENTS: the least recently used are closed', async () => {
    for (let i = 0; i < MAX_NAMED_STATEMENTS + 20; i++) {
      for (let run = 0; run < 2; run++) await opened.db.execute(sql.raw(`select ${i} as n, 'bound' as kind`));
    }
    const named = await ours();
    expect(named.length).toBeLessThanOrEqual(MAX_NAMED_STATEMENTS);
    expect(named.some((s) => s.statement === `select ${MAX_NAMED_STATEMENTS + 19} as n, 'bound' as kind`)).toBe(true);
    expect(named.some((s) => s.statement === `select 0 as n, 'bound' as kind`)).toBe(false);
  });
});
