import { notFound } from 'next/navigation';
import type { z } from 'zod';

/*
 * A server action's own arguments (the event slug, a record id, a token, the form) are put there by
 * the page, not typed by a person: anything else is a forged call. It names nothing, so it gets the
 * 404 an unknown address gets, instead of the exception (a 500) a failed parse would be.
 */

export function actionArg<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}

export function formArg(value: unknown): FormData {
  if (!(value instanceof FormData)) notFound();
  return value;
}
