'use server';

import { z } from 'zod';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { missing, type Saved } from '@/lib/admin/saved';
import { createSpeaker, updateSpeaker } from '@/lib/speakers/admin/save-speaker';
import { eventAction } from '@/lib/edge/action';

/** Adds a speaker (no id) or saves one; the values are parsed in lib/ with the form's own schema. */
export async function saveSpeakerAction(eventSlug: string, speakerId: string | null, values: unknown): Promise<Saved> {
  const id = z.uuid().nullable().safeParse(speakerId);
  if (!id.success) return missing('speaker');
  return eventAction(eventSlug, 'agenda/speakers', async ({ db, actor, event }) => {
    const result = id.data
      ? await updateSpeaker(db, actor, event.slug, id.data, values)
      : await createSpeaker(db, actor, event.slug, values);
    if (result.ok) refreshPublicProgramme(event.slug);
    return result;
  });
}
