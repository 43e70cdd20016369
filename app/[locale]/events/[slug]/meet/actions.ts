'use server';

import { redirect } from 'next/navigation';
import { loadPublicAgenda } from '@/lib/agenda/load';
import { getDb } from '@/lib/database/process-database';
import { formArg } from '@/lib/http/action-args';
import { meetingsPathFromLink } from '@/lib/meetings/open-from-link';

/**
 * A visitor pastes the manage link they were mailed: they go on to their own meetings page with the
 * request set on the listing; any other link comes back with "not a registration link of this forum".
 */
export async function openMeetingsAction(slug: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const agenda = await loadPublicAgenda(slug);
  const target = String(formData.get('with') ?? '');
  const back = `/events/${encodeURIComponent(slug)}/meet?with=${encodeURIComponent(target)}&error=link`;
  if (!agenda) redirect(back);
  const path = await meetingsPathFromLink(await getDb(), agenda.event.id, { link: formData.get('link') ?? '', with: target });
  redirect(path ?? back);
}
