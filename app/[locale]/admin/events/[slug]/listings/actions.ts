'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { Saved } from '@/lib/admin/saved';
import { eventAction } from '@/lib/edge/action';
import { createListing, moderateListing } from '@/lib/exhibition/admin/save-listing';
import { actionArg } from '@/lib/http/action-args';

/** Adds an exhibitor's listing; the values are parsed in lib/ with the form's own schema. */
export async function createListingAction(eventSlug: string, values: unknown): Promise<Saved> {
  return eventAction(eventSlug, 'listings', ({ db, actor, event }) => createListing(db, actor, event.slug, values));
}

/** Publishes or rejects a listing (the buttons in the moderation list post this). */
export async function moderateListingAction(eventSlug: string, listingId: string, decision: string): Promise<void> {
  const id = actionArg(z.uuid(), listingId);
  const step = actionArg(z.enum(['publish', 'reject']), decision);
  const done = await eventAction(eventSlug, 'listings', async ({ db, actor, event, path }) => {
    const result = await moderateListing(db, actor, event.slug, id, step);
    return result.ok ? `${path}?done=${step === 'publish' ? 'published' : 'rejected'}` : path;
  });
  redirect(done);
}
