'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Saved } from '@/lib/admin/saved';
import { eventAction } from '@/lib/edge/action';
import { notFound } from '@/lib/errors/result';
import { actionArg } from '@/lib/http/action-args';
import { createOutcome, deleteOutcome, updateOutcome } from '@/lib/outcomes/admin/save-outcome';

/** Records an outcome (no id) or saves one; the values are parsed in lib/ with the form's own schema. */
export async function saveOutcomeAction(eventSlug: string, outcomeId: string | null, values: unknown): Promise<Saved> {
  const id = z.uuid().nullable().safeParse(outcomeId);
  if (!id.success) return notFound('No such outcome in this event');
  return eventAction(eventSlug, 'outcomes', ({ db, actor, event }) =>
    id.data ? updateOutcome(db, actor, event.slug, id.data, values) : createOutcome(db, actor, event.slug, values),
  );
}

/** Deletes an outcome recorded by mistake (the delete button on its page posts this), back to the list. */
export async function deleteOutcomeAction(eventSlug: string, outcomeId: string): Promise<void> {
  const id = actionArg(z.uuid(), outcomeId);
  const done = await eventAction(eventSlug, `outcomes/${id}`, async ({ db, actor, event }) => {
    const result = await deleteOutcome(db, actor, event.slug, id);
    return `/admin/events/${event.slug}/outcomes${result.ok ? '?done=deleted' : ''}`;
  });
  redirect(done);
}
