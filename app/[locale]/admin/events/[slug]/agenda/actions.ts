'use server';

import { redirect } from 'next/navigation';
import { refreshPublicProgramme } from '@/lib/agenda/public-cache';
import { publishAgenda } from '@/lib/agenda/publish/publish';
import { eventAction } from '@/lib/edge/action';

export async function publishAgendaAction(slug: string): Promise<void> {
  const done = await eventAction(slug, 'agenda', async ({ db, actor, event, path }) => {
    const result = await publishAgenda(db, actor, event.slug);
    refreshPublicProgramme(event.slug);
    return `${path}?published=${result.version}&registrants=${result.notified.registrants}&speakers=${result.notified.speakers}`;
  });
  redirect(done);
}
