/** The fields whose value differs, with both values, for the audit log. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (!sameValue(before[key], after[key])) changes[key] = { from: before[key] ?? null, to: after[key] ?? null };
  }
  return changes;
}

/**
 * Whether a stored value and a saved one are the same, whatever the order of a text's languages:
 * `{ en, zh, ja }` read from jsonb and `{ ja, en, zh }` built by a save are one text.
 */
export function sameValue(before: unknown, after: unknown): boolean {
  return canonicalJson(before ?? null) === canonicalJson(after ?? null);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) =>
    nested && typeof nested === 'object' && !Array.isArray(nested)
      ? Object.fromEntries(Object.entries(nested).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : nested,
  );
}
