'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { runForAction } from '@/lib/admin/page-guard';
import { queueAnnouncement } from '@/lib/registration/admin/announcement';
import { filtersToQuery, registrationFilterSchema } from '@/lib/registration/admin/filters';
import { actionArg, formArg } from '@/lib/http/action-args';

const slugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/);
const FILTER_KEYS = ['q', 'venue', 'mode', 'status', 'country', 'type'] as const;

export async function queueAnnouncementAction(slug: string, formData: FormData): Promise<void> {
  const eventSlug = actionArg(slugSchema, slug);
  formData = formArg(formData);
  const path = `/admin/events/${eventSlug}/registrations/announce`;
  const rawFilters = Object.fromEntries(FILTER_KEYS.map((key) => [key, formData.get(key) ?? undefined]));
  const result = await runForAction(path, async (actor) =>
    queueAnnouncement(await getDb(), actor, eventSlug, {
      subject: formData.get('subject'),
      body: formData.get('body'),
      filters: rawFilters,
      requestId: formData.get('requestId') || undefined,
    }),
  );
  const parsedFilters = registrationFilterSchema.safeParse(rawFilters);
  const keep = new URLSearchParams(parsedFilters.success ? filtersToQuery(parsedFilters.data) : {});
  if (result.ok) keep.set('queued', String(result.queued));
  else keep.set('error', result.error.slice(0, 300));
  redirect(`${path}?${keep.toString()}`);
}
