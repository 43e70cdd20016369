'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database/process-database';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { currentActor } from '@/lib/auth/current';
import { regenerateCalendarFeed } from '@/lib/speakers/calendar-token';
import { AuthorizationError } from '@/lib/auth/authorize';
import { forbidden, type Result } from '@/lib/errors/result';
import { updateSpeakerProfile } from '@/lib/speakers/update-profile';
import { uuidSchema } from '@/lib/validation/common';

export async function updateProfileAction(speakerId: string, values: unknown): Promise<Result> {
  const id = uuidSchema.safeParse(speakerId);
  if (!id.success) return forbidden('forbidden');
  try {
    const result = await updateSpeakerProfile(await getDb(), await currentActor(), id.data, values);
    if (result.ok) refreshPublicProgramme();
    return result;
  } catch (error) {
    if (error instanceof AuthorizationError) return forbidden(error.reason);
    throw error;
  }
}

export async function regenerateCalendarAction(): Promise<void> {
  try {
    await regenerateCalendarFeed(await getDb(), await currentActor());
  } catch (error) {
    if (error instanceof AuthorizationError) redirect('/signin?callbackUrl=%2Fspeaker');
    throw error;
  }
  redirect('/speaker?calendar=new#calendar');
}
