'use server';

import { adminAction } from '@/lib/edge/action';
import { type CreateEventResult, createEvent } from '@/lib/events/admin/create-event';

export async function createEventAction(values: unknown): Promise<CreateEventResult> {
  return adminAction('/admin/events/new', ({ db, actor }) => createEvent(db, actor, values));
}
