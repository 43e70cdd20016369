import type { z } from 'zod';
import { invalid, type Invalid } from '@/lib/errors/result';

/** Field → message, for JSON 422 answers and for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}

/** The parsed values, or the field errors as the vocabulary's invalid failure. */
export function parseInput<T>(schema: z.ZodType<T>, values: unknown): { ok: true; value: T } | Invalid {
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, value: parsed.data } : invalid(fieldErrors(parsed.error));
}
