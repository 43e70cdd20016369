import { z } from 'zod';
import { appEnv } from '@/lib/config/env';
import { staffRoute } from '@/lib/edge/route';
import { csvDownload } from '@/lib/registration/admin/csv-download';
import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { invitationCodesCsv } from '@/lib/registration/admin/categories/invitation-codes-admin';

export const dynamic = 'force-dynamic';

/** GET …/categories/{id}/codes.csv — a category's invitation codes with their links, for its organisers. */
export const GET = staffRoute<{ slug: string; categoryId: string }>(
  ['organiser'],
  async ({ db, actor, event, params }) => {
    const noStore = { 'cache-control': 'no-store' };
    if (!z.uuid().safeParse(params.categoryId).success) return errorResponse(notFound('No such category in this event'), noStore);
    const csv = await invitationCodesCsv(db, actor, event.slug, params.categoryId, appEnv().appUrl);
    return csvDownload(csv);
  },
  { 'cache-control': 'no-store' },
);
