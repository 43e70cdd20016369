'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { deleteRoom } from '@/lib/agenda/admin/delete-room';
import { missing, type Saved } from '@/lib/admin/saved';
import { createRoom, updateRoom } from '@/lib/agenda/admin/save-room';
import { createVenue, updateVenue } from '@/lib/agenda/admin/save-venue';
import { eventAction } from '@/lib/edge/action';
import { actionArg } from '@/lib/http/action-args';
import { signedError } from '@/lib/validation/query-error';

const roomIds = z.object({ venueId: z.uuid(), roomId: z.uuid().nullable() });

/** Creates a venue (no id) or saves one; the form's values are parsed in lib/ with the form's own schema. */
export async function saveVenueAction(eventSlug: string, venueId: string | null, values: unknown): Promise<Saved> {
  const id = z.uuid().nullable().safeParse(venueId);
  if (!id.success) return missing('venue');
  return eventAction(eventSlug, 'agenda/venues', async ({ db, actor, event }) => {
    const result = id.data ? await updateVenue(db, actor, event.slug, id.data, values) : await createVenue(db, actor, event.slug, values);
    if (result.ok) refreshPublicProgramme(event.slug);
    return result;
  });
}

/** Adds a room to a venue (no room id) or saves one. */
export async function saveRoomAction(eventSlug: string, venueId: string, roomId: string | null, values: unknown): Promise<Saved> {
  const ids = roomIds.safeParse({ venueId, roomId });
  if (!ids.success) return missing('room');
  return eventAction(eventSlug, `agenda/venues/${ids.data.venueId}`, async ({ db, actor, event }) => {
    const result = ids.data.roomId
      ? await updateRoom(db, actor, event.slug, ids.data.roomId, values)
      : await createRoom(db, actor, event.slug, ids.data.venueId, values);
    if (result.ok) refreshPublicProgramme(event.slug);
    return result;
  });
}

/** A plain form post: back to the venue page, which explains a refusal in the viewer's language. */
export async function deleteRoomAction(eventSlug: string, venueId: string, roomId: string): Promise<void> {
  const ids = actionArg(z.object({ venueId: z.uuid(), roomId: z.uuid() }), { venueId, roomId });
  const done = await eventAction(eventSlug, `agenda/venues/${ids.venueId}`, async ({ db, actor, event, path }) => {
    const result = await deleteRoom(db, actor, event.slug, ids.roomId);
    if (result.ok) {
      refreshPublicProgramme(event.slug);
      return `${path}?done=room-deleted#rooms`;
    }
    if (result.code === 'conflict') return `${path}?in-use=${ids.roomId}#rooms`;
    return `${path}?error=${signedError(result.error)}#rooms`;
  });
  redirect(done);
}
