'use server';

import { redirect } from 'next/navigation';
import { eventAction } from '@/lib/edge/action';
import { queueAnnouncement } from '@/lib/registration/admin/announcement';
import { filtersToQuery, registrationFilterSchema } from '@/lib/registration/admin/filters';
import { formArg } from '@/lib/http/action-args';

const FILTER_KEYS = ['q', 'venue', 'mode', 'status', 'country', 'type'] as const;

export async function queueAnnouncementAction(slug: string, formData: FormData): Promise<void> {
  formData = formArg(formData);
  const done = await eventAction(slug, 'registrations/announce', async ({ db, actor, event, path }) => {
    const rawFilters = Object.fromEntries(FILTER_KEYS.map((key) => [key, formData.get(key) ?? undefined]));
    const result = await queueAnnouncement(db, actor, event.slug, {
      subject: formData.get('subject'),
      body: formData.get('body'),
      filters: rawFilters,
      requestId: formData.get('requestId') || undefined,
    });
    const parsedFilters = registrationFilterSchema.safeParse(rawFilters);
    const keep = new URLSearchParams(parsedFilters.success ? filtersToQuery(parsedFilters.data) : {});
    if (result.ok) keep.set('queued', String(result.queued));
    // A field error goes as its validation key alone: the page words it in the organiser's language.
    else keep.set('error', ((result.code === 'invalid' && Object.values(result.fields)[0]) || result.error).slice(0, 300));
    return `${path}?${keep.toString()}`;
  });
  redirect(done);
}
