import type { z } from 'zod';

/** Field → message, for JSON 422 answers and for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : 'body';
    fields[key] ??= issue.message;
  }
  return fields;
}
