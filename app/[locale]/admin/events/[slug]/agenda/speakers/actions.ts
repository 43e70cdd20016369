'use server';

import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { runForAction } from '@/lib/admin/page-guard';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { missing, type Saved } from '@/lib/agenda/venues-admin/result';
import { createSpeaker, updateSpeaker } from '@/lib/agenda/venues-admin/save-speaker';
import { slugSchema } from '@/lib/validation/common';

/** Adds a speaker (no id) or saves one; the values are parsed in lib/ with the form's own schema. */
export async function saveSpeakerAction(eventSlug: string, speakerId: string | null, values: unknown): Promise<Saved> {
  const slug = slugSchema.safeParse(eventSlug);
  const id = z.uuid().nullable().safeParse(speakerId);
  if (!slug.success || !id.success) return missing('speaker');
  const result = await runForAction(`/admin/events/${slug.data}/agenda/speakers`, async (actor) =>
    id.data ? updateSpeaker(await getDb(), actor, slug.data, id.data, values) : createSpeaker(await getDb(), actor, slug.data, values),
  );
  if (result.ok) refreshPublicProgramme(slug.data);
  return result;
}
