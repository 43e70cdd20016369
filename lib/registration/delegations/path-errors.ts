import type { z } from 'zod';

/** Field errors of the delegation's part, named by their whole path (`members.2.email`) so the form puts each by its row. */
export function pathErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.length ? issue.path.join('.') : 'members'] ??= issue.message;
  return fields;
}
