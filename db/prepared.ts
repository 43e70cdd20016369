import type { Db } from './types';

/**
 * A query Drizzle builds once per database handle and afterwards only runs, with its values as
 * `sql.placeholder`s: building SQL costs Drizzle's query builder 30–260 µs per query, which on the
 * registration path added up to about a millisecond of CPU per request. For queries outside
 * transactions (a transaction is a new handle each time, so its queries would be built each time).
 */
export function preparedPerDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) built.set(db, (query = build(db)));
    return query;
  };
}
