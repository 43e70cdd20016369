'use server';

import { redirect } from 'next/navigation';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { signedInAction, signedInFormAction } from '@/lib/edge/action';
import { forbidden, type Result } from '@/lib/errors/result';
import { regenerateCalendarFeed } from '@/lib/speakers/calendar-token';
import { updateSpeakerProfile } from '@/lib/speakers/update-profile';
import { uuidSchema } from '@/lib/validation/common';

export async function updateProfileAction(speakerId: string, values: unknown): Promise<Result> {
  const id = uuidSchema.safeParse(speakerId);
  if (!id.success) return forbidden('forbidden');
  return signedInFormAction(async ({ db, actor }) => {
    const result = await updateSpeakerProfile(db, actor, id.data, values);
    if (result.ok) refreshPublicProgramme();
    return result;
  });
}

export async function regenerateCalendarAction(): Promise<void> {
  await signedInAction('/speaker', ({ db, actor }) => regenerateCalendarFeed(db, actor));
  redirect('/speaker?calendar=new#calendar');
}
