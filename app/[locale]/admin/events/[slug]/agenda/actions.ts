'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/lib/database/process-database';
import { runForAction } from '@/lib/admin/page-guard';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { publishAgenda } from '@/lib/agenda/publish/publish';
import { slugSchema } from '@/lib/validation/common';
import { actionArg } from '@/lib/http/action-args';

export async function publishAgendaAction(slug: string): Promise<void> {
  const eventSlug = actionArg(slugSchema, slug);
  const path = `/admin/events/${eventSlug}/agenda`;
  const result = await runForAction(path, async (actor) => publishAgenda(await getDb(), actor, eventSlug));
  refreshPublicProgramme(eventSlug);
  redirect(`${path}?published=${result.version}&registrants=${result.notified.registrants}&speakers=${result.notified.speakers}`);
}
