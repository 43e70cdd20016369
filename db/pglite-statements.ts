import {
  messages as protocolMessages,
  parse,
  type PGlite,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from '@electric-sql/pglite';
import { type BackendMessage, type ResultField, statementResults } from './pglite-results';

const { DatabaseError } = protocolMessages;

/** Statements kept planned at once; beyond it the least recently used is closed. Each holds a plan in WebAssembly memory, which never shrinks. */
export const MAX_NAMED_STATEMENTS = 64;
/** A text is kept as a named statement from its second run: one-off statements (migrations, organisers' rare pages) are not. */
const RUNS_BEFORE_NAMING = 2;
/** Texts seen once, kept to count their runs; past it the count starts over. */
const MAX_COUNTED_TEXTS = 2_000;

type Named = {
  name: string;
  /** The parameters' types, as PostgreSQL inferred them when the statement was prepared. */
  paramTypes: number[];
  /** The statement's result columns (none for statements that return no rows). */
  fields: ResultField[];
};

type QueryFunction = <T>(text: string, params?: unknown[], options?: QueryOptions) => Promise<Results<T>>;

/**
 * PGlite's `query` sends every statement unnamed, so PostgreSQL parses and plans it again on each
 * run: for the registration's joins and its writes, planning is more than half of the statement's
 * time in WebAssembly (0.6 of 1.1 ms for the session candidates, bench/README.md). PostgreSQL proper
 * is reached through postgres.js, which prepares statements itself. This keeps the statements the
 * app runs again and again as named statements of PGlite's single session, with their parameter
 * and result types, and runs them with Bind and Execute only: the messages PGlite's own `query`
 * sends, minus Parse and the two Describes. Results, errors and notifications go through PGlite's
 * own parsers, so a caller cannot tell the two apart.
 */
export function withNamedStatements(client: PGlite): PGlite {
  const named = new Map<string, Named>();
  const runs = new Map<string, number>();
  let sequence = 0;

  const send = async (message: Uint8Array) => (await client.execProtocol(message, { syncToFs: false })).messages;

  async function prepare(text: string, options?: QueryOptions): Promise<Named> {
    const name = `hf_s${++sequence}`;
    await send(protocol.serialize.parse({ name, text, types: options?.paramTypes }));
    const described = await send(protocol.serialize.describe({ type: 'S', name }));
    const statement: Named = {
      name,
      paramTypes: parse.parseDescribeStatementResults(described),
      fields: (
        (described.find((message) => message.name === 'rowDescription') as { fields?: ResultField[] } | undefined)?.fields ?? []
      ).map(({ name, dataTypeID }) => ({ name, dataTypeID })),
    };
    named.set(text, statement);
    if (named.size > MAX_NAMED_STATEMENTS) {
      const [oldestText, oldest] = named.entries().next().value!;
      named.delete(oldestText);
      await send(protocol.serialize.close({ type: 'S', name: oldest.name }));
    }
    return statement;
  }

  /** Runs a named statement; the caller holds PGlite's query lock. */
  async function runNamed<T>(
    text: string,
    params: unknown[],
    options: QueryOptions | undefined,
    inTransaction: boolean,
  ): Promise<Results<T>> {
    const messages: BackendMessage[] = [];
    let ready: Named;
    try {
      const kept = named.get(text);
      if (kept) {
        // Most recently used last: the map's first entry is the one to close.
        named.delete(text);
        named.set(text, kept);
      }
      ready = kept ?? (await prepare(text, options));
      const values = params.map((param, i) => {
        if (param === null || param === undefined) return null;
        const oid = ready.paramTypes[i]!;
        const serialize = options?.serializers?.[oid] ?? client.serializers[oid];
        return serialize ? serialize(param) : String(param);
      });
      messages.push(...(await send(protocol.serialize.bind({ statement: ready.name, values: values as string[] }))));
      messages.push(...(await send(protocol.serialize.execute({}))));
    } catch (error) {
      // As PGlite's own query does: the statement and its parameters travel with the error.
      if (error instanceof DatabaseError) Object.assign(error, { query: text, params, queryOptions: options });
      // A table changed under a statement so that its result columns differ: prepared again next time.
      if (error instanceof DatabaseError && error.code === '0A000') named.delete(text);
      throw error;
    } finally {
      await send(protocol.serialize.sync());
    }
    if (!inTransaction) await client.syncToFs();
    return statementResults<T>(messages, ready.fields, client.parsers, options);
  }

  /** Whether this run of `text` goes through a named statement. */
  function worthNaming(text: string, options?: QueryOptions): boolean {
    if (options?.blob) return false;
    if (named.has(text)) return true;
    const seen = (runs.get(text) ?? 0) + 1;
    if (seen >= RUNS_BEFORE_NAMING) {
      runs.delete(text);
      return true;
    }
    runs.set(text, seen);
    // The app's statements are a few hundred texts; texts built with values inside (rare) must not pile up.
    if (runs.size > MAX_COUNTED_TEXTS) runs.clear();
    return false;
  }

  /** PGlite's `query`, outside any transaction: waits for the running transaction, like PGlite's own. */
  const query: QueryFunction = (text, params = [], options) =>
    worthNaming(text, options)
      ? client._runExclusiveTransaction(() => client.runExclusive(() => runNamed(text, params, options, false)))
      : client.query(text, params, options);

  /** A transaction whose `query` goes through the named statements too. */
  function inTransaction(tx: Transaction): Transaction {
    const txQuery: QueryFunction = async (text, params = [], options) => {
      if (tx.closed) throw new Error('Transaction is closed');
      return worthNaming(text, options)
        ? client.runExclusive(() => runNamed(text, params, options, true))
        : tx.query(text, params, options);
    };
    return withOverrides(tx, { query: txQuery });
  }

  return withOverrides(client, {
    query,
    transaction: <T>(run: (tx: Transaction) => Promise<T>) => client.transaction((tx) => run(inTransaction(tx))),
  });
}

/** `target` with some of its methods replaced; the others still run on `target` itself (PGlite's private fields need it). */
function withOverrides<T extends object>(target: T, overrides: Partial<Record<keyof T, unknown>>): T {
  return new Proxy(target, {
    get(object, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value = Reflect.get(object, property, object) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
