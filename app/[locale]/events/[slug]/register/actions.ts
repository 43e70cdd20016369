'use server';

import { headers } from 'next/headers';
import { getDb } from '@/lib/database/process-database';
import { submitRegistration, type RegisterActionResult } from '@/lib/registration/submit-registration';
import { clientKey, registrationLimiter } from '@/lib/security/rate-limit';
import { slugSchema } from '@/lib/validation/common';

export async function registerAction(eventSlug: string, values: unknown): Promise<RegisterActionResult> {
  const limit = registrationLimiter().check(clientKey(await headers()));
  if (!limit.allowed) return { ok: false, status: 429, error: 'Too many requests; try again later' };
  const slug = slugSchema.safeParse(eventSlug);
  if (!slug.success) return { ok: false, status: 404, error: 'No such forum' };
  return submitRegistration(await getDb(), slug.data, values);
}
