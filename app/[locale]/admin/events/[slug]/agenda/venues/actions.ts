'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { runForAction } from '@/lib/admin/page-guard';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { deleteRoom } from '@/lib/agenda/venues-admin/delete-room';
import { missing, type Saved } from '@/lib/agenda/venues-admin/result';
import { createRoom, updateRoom } from '@/lib/agenda/venues-admin/save-room';
import { createVenue, updateVenue } from '@/lib/agenda/venues-admin/save-venue';
import { slugSchema } from '@/lib/validation/common';
import { actionArg } from '@/lib/http/action-args';

const venuesPath = (slug: string) => `/admin/events/${slug}/agenda/venues`;

/** Creates a venue (no id) or saves one; the form's values are parsed in lib/ with the form's own schema. */
export async function saveVenueAction(eventSlug: string, venueId: string | null, values: unknown): Promise<Saved> {
  const slug = slugSchema.safeParse(eventSlug);
  const id = z.uuid().nullable().safeParse(venueId);
  if (!slug.success || !id.success) return missing('venue');
  const result = await runForAction(venuesPath(slug.data), async (actor) =>
    id.data ? updateVenue(await getDb(), actor, slug.data, id.data, values) : createVenue(await getDb(), actor, slug.data, values),
  );
  if (result.ok) refreshPublicProgramme(slug.data);
  return result;
}

/** Adds a room to a venue (no room id) or saves one. */
export async function saveRoomAction(eventSlug: string, venueId: string, roomId: string | null, values: unknown): Promise<Saved> {
  const slug = slugSchema.safeParse(eventSlug);
  const ids = z.object({ venueId: z.uuid(), roomId: z.uuid().nullable() }).safeParse({ venueId, roomId });
  if (!slug.success || !ids.success) return missing('room');
  const result = await runForAction(`${venuesPath(slug.data)}/${ids.data.venueId}`, async (actor) =>
    ids.data.roomId
      ? updateRoom(await getDb(), actor, slug.data, ids.data.roomId, values)
      : createRoom(await getDb(), actor, slug.data, ids.data.venueId, values),
  );
  if (result.ok) refreshPublicProgramme(slug.data);
  return result;
}

/** A plain form post: back to the venue page, which explains a refusal in the viewer's language. */
export async function deleteRoomAction(eventSlug: string, venueId: string, roomId: string): Promise<void> {
  const slug = actionArg(slugSchema, eventSlug);
  const ids = actionArg(z.object({ venueId: z.uuid(), roomId: z.uuid() }), { venueId, roomId });
  const path = `${venuesPath(slug)}/${ids.venueId}`;
  const result = await runForAction(path, async (actor) => deleteRoom(await getDb(), actor, slug, ids.roomId));
  if (result.ok) {
    refreshPublicProgramme(slug);
    redirect(`${path}?done=room-deleted#rooms`);
  }
  if (result.code === 'conflict') redirect(`${path}?in-use=${ids.roomId}#rooms`);
  redirect(`${path}?error=${encodeURIComponent(result.error)}#rooms`);
}
