/** A refusal's fields, exactly (its `error` is the same fields as one line); `'ok'`, or the code of another refusal. */
export function fieldsOf(result: { ok: boolean; code?: string; fields?: Record<string, string> }) {
  return result.ok ? 'ok' : result.code === 'invalid' ? result.fields : result.code;
}
