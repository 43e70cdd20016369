'use server';

import { publicEventAction } from '@/lib/edge/action';
import { submitRegistration, type Submission } from '@/lib/registration/submit-registration';

export async function registerAction(eventSlug: string, values: unknown): Promise<Submission> {
  return publicEventAction(eventSlug, { rateLimit: 'registration' }, ({ db, slug }) => submitRegistration(db, slug, values));
}
