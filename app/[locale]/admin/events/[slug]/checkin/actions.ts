'use server';

import { getLocale } from 'next-intl/server';
import { getDb } from '@/lib/database/process-database';
import { runForAction } from '@/lib/admin/page-guard';
import { checkIn } from '@/lib/checkin/check-in';
import { describeCheckIn, type CheckInView } from '@/lib/checkin/describe';
import { checkInInputSchema } from '@/lib/checkin/schema';
import { invalid, ok, type Result } from '@/lib/errors/result';
import type { Locale } from '@/lib/i18n/locales';
import { slugSchema } from '@/lib/validation/common';
import { actionArg } from '@/lib/http/action-args';

export async function checkInAction(slug: string, input: unknown): Promise<Result<{ view: CheckInView }>> {
  const eventSlug = actionArg(slugSchema, slug);
  const parsed = checkInInputSchema.safeParse(input);
  if (!parsed.success) return invalid({ code: parsed.error.issues[0]?.message ?? 'Enter a ticket code' });
  const db = await getDb();
  const result = await runForAction(`/admin/events/${eventSlug}/checkin`, (actor) => checkIn(db, actor, eventSlug, parsed.data.code));
  return ok({ view: describeCheckIn(result, (await getLocale()) as Locale) });
}
