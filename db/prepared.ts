import type { Db } from './types';

/** One value per database handle, made on first use (per-handle state such as a process's registration batches). */
export function oncePerDb<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) {
      value = make(db);
      made.set(db, value);
    }
    return value;
  };
}

/**
 * A query Drizzle builds once per database handle and afterwards only runs, with its values as
 * `sql.placeholder`s: building SQL costs Drizzle's query builder 30–260 µs per query, which on the
 * registration path added up to about a millisecond of CPU per request. For queries outside
 * transactions (a transaction is a new handle each time, so its queries would be built each time).
 */
export function preparedPerDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
  return oncePerDb(build);
}
