'use server';

import { getLocale } from 'next-intl/server';
import { checkIn } from '@/lib/checkin/check-in';
import { describeCheckIn, type CheckInView } from '@/lib/checkin/describe';
import { checkInInputSchema } from '@/lib/checkin/schema';
import { eventAction } from '@/lib/edge/action';
import { DESK } from '@/lib/auth/authorize';
import { invalid, ok, type Result } from '@/lib/errors/result';
import type { Locale } from '@/lib/i18n/locales';

export async function checkInAction(slug: string, input: unknown): Promise<Result<{ view: CheckInView }>> {
  return eventAction(
    slug,
    'checkin',
    async ({ db, actor, event }) => {
      const parsed = checkInInputSchema.safeParse(input);
      if (!parsed.success) return invalid({ code: parsed.error.issues[0]?.message ?? 'Enter a ticket code' });
      const result = await checkIn(db, actor, event.slug, parsed.data.code);
      return ok({ view: describeCheckIn(result, (await getLocale()) as Locale) });
    },
    DESK,
  );
}
