import postgres, { type Sql, type TransactionSql } from 'postgres';

/**
 * The postgres.js connections behind Drizzle on PostgreSQL: two pools, and every query as a named
 * statement.
 *
 * Named statements: Drizzle asks postgres.js for an unnamed statement unless a query is built with
 * `.prepare(name)`, and postgres.js sends an unnamed statement with parameters as Parse + Describe,
 * waits for the answer, then Bind + Execute: two round trips, a fresh parse and plan, and nothing
 * pipelined behind it. Inside the seat-locking transaction that doubled the time the hot seat row
 * stays locked. A named statement is parsed once per connection and then takes one round trip, and
 * statements issued together (Promise.all) go out in one write. Drizzle's SQL text is fixed per call
 * site, so the per-connection cache stays small; postgres.js replaces connections every 30–60 min.
 *
 * Two pools: once plain queries pipeline, postgres.js 3.4.9 can send a transaction's BEGIN as the
 * query that fills a busy connection's pipeline, and then skips reserving that connection for the
 * transaction (porsager/postgres#1189, #823: UNSAFE_TRANSACTION, or worse, other queries running
 * inside the open transaction). Transactions therefore get a pool of their own where nothing else
 * runs, so BEGIN is always the first query on an idle connection.
 */
export type PostgresClients = {
  /** For drizzle(): plain queries on one pool, `begin` (transactions) on the other. */
  drizzleClient: Sql;
  /** A pool for one-off work outside Drizzle's routing (migrations at start-up). */
  queries: Sql;
  transactions: Sql;
  /** Drizzle installs its type parsers on the client it is given; the transaction pool needs the same. */
  shareTypeParsers: () => void;
  end: () => Promise<void>;
};

/** How the transaction pool's connections show in pg_stat_activity. */
export const TRANSACTIONS_APPLICATION_NAME = 'hybrid-forum transactions';

export function openPostgresClients(url: string, maxConnections: number): PostgresClients {
  // Pipelined plain queries need few connections; transactions hold theirs while they wait for locks.
  const queryConnections = Math.max(1, Math.round(maxConnections / 4));
  const open = (max: number, name: string) => postgres(url, { max, onnotice: () => {}, connection: { application_name: name } });
  const queries = open(queryConnections, 'hybrid-forum');
  const transactions = open(Math.max(1, maxConnections - queryConnections), TRANSACTIONS_APPLICATION_NAME);
  return {
    drizzleClient: routed(queries, transactions),
    queries,
    transactions,
    shareTypeParsers: () => {
      Object.assign(transactions.options.parsers, queries.options.parsers);
      Object.assign(transactions.options.serializers, queries.options.serializers);
    },
    end: async () => {
      await Promise.all([queries.end({ timeout: 5 }), transactions.end({ timeout: 5 })]);
    },
  };
}

type Unsafe = (query: string, parameters?: unknown[], options?: Record<string, unknown>) => unknown;
type Scoped = (...args: unknown[]) => unknown;

/** `client` with named statements, and with transactions begun on `transactions` when given. */
function routed<T extends Sql | TransactionSql>(client: T, transactions?: Sql): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        const unsafe = target.unsafe as Unsafe;
        return (query: string, parameters?: unknown[], options?: Record<string, unknown>) =>
          unsafe(query, parameters, { ...options, prepare: true });
      }
      // Transactions and savepoints hand their callback a client of their own: that one too.
      if (property === 'begin' || property === 'savepoint') {
        const scoped = (property === 'begin' && transactions ? transactions.begin : Reflect.get(target, property, receiver)) as Scoped;
        return (...args: unknown[]) => {
          const callback = args.pop() as (inner: TransactionSql) => unknown;
          return scoped(...args, (inner: TransactionSql) => callback(routed(inner)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
