/**
 * The name of the constraint a database error violated, or null. postgres-js calls it
 * `constraint_name`, PGlite `constraint`, and drizzle may wrap either in `cause`.
 */
export function violatedConstraint(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const record = e as { code?: unknown; constraint_name?: unknown; constraint?: unknown };
    if (record.code === '23505' || record.code === '23514') {
      const name = record.constraint_name ?? record.constraint;
      return typeof name === 'string' ? name : null;
    }
  }
  return null;
}
