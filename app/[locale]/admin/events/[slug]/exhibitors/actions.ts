'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Saved } from '@/lib/admin/saved';
import { eventAction } from '@/lib/edge/action';
import { notFound } from '@/lib/errors/result';
import { approveExhibitor, createExhibitor, updateExhibitor } from '@/lib/exhibition/admin/save-exhibitor';
import { actionArg } from '@/lib/http/action-args';

const noSuchExhibitor = () => notFound('No such exhibitor in this event');

/** Adds an exhibitor (no id) or saves one; the values are parsed in lib/ with the form's own schema. */
export async function saveExhibitorAction(eventSlug: string, exhibitorId: string | null, values: unknown): Promise<Saved> {
  const id = z.uuid().nullable().safeParse(exhibitorId);
  if (!id.success) return noSuchExhibitor();
  return eventAction(eventSlug, 'exhibitors', ({ db, actor, event }) =>
    id.data ? updateExhibitor(db, actor, event.slug, id.data, values) : createExhibitor(db, actor, event.slug, values),
  );
}

/** Makes a pending exhibitor's profile public (the approve button on its page posts this). */
export async function approveExhibitorAction(eventSlug: string, exhibitorId: string): Promise<void> {
  const id = actionArg(z.uuid(), exhibitorId);
  const done = await eventAction(eventSlug, `exhibitors/${id}`, async ({ db, actor, event, path }) => {
    const result = await approveExhibitor(db, actor, event.slug, id);
    return result.ok ? `${path}?done=approved` : `/admin/events/${event.slug}/exhibitors`;
  });
  redirect(done);
}
