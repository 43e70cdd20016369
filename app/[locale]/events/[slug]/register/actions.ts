'use server';

import { headers } from 'next/headers';
import { getDb } from '@/lib/database/process-database';
import { notFound, rateLimited } from '@/lib/errors/result';
import { submitRegistration, type Submission } from '@/lib/registration/submit-registration';
import { clientKey, registrationLimiter } from '@/lib/security/rate-limit';
import { slugSchema } from '@/lib/validation/common';

export async function registerAction(eventSlug: string, values: unknown): Promise<Submission> {
  const limit = registrationLimiter().check(clientKey(await headers()));
  if (!limit.allowed) return rateLimited(limit.retryAfterSeconds);
  const slug = slugSchema.safeParse(eventSlug);
  if (!slug.success) return notFound('No such forum');
  return submitRegistration(await getDb(), slug.data, values);
}
