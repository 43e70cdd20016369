import { z } from 'zod';
import { appEnv } from '@/lib/config/env';
import { staffRoute } from '@/lib/edge/route';
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
    return new Response(csv.body, {
      status: 200,
      headers: {
        ...noStore,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csv.filename}"`,
        'x-content-type-options': 'nosniff',
      },
    });
  },
  { 'cache-control': 'no-store' },
);
