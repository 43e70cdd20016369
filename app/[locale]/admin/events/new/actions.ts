'use server';

import { runForAction } from '@/lib/admin/page-guard';
import { getDb } from '@/lib/database/process-database';
import { type CreateEventOutcome, createEvent } from '@/lib/events/admin/create-event';

export async function createEventAction(values: unknown): Promise<CreateEventOutcome> {
  return runForAction('/admin/events/new', async (actor) => createEvent(await getDb(), actor, values));
}
