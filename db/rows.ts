/** The rows of a raw `db.execute(sql…)` result: postgres.js answers with an array, PGlite with `{ rows }`. */
export function resultRows<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
