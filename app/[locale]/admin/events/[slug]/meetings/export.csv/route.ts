import { staffRoute } from '@/lib/edge/route';
import { exportMeetingsCsv } from '@/lib/meetings/admin/export';

export const dynamic = 'force-dynamic';

/** GET …/meetings/export.csv — every meeting request with its slot on the venue's clock (organisers only). */
export const GET = staffRoute<{ slug: string }>(
  ['organiser'],
  async ({ db, actor, event }) => {
    const csv = await exportMeetingsCsv(db, actor, event.slug);
    return new Response(csv.body, {
      status: 200,
      headers: {
        'cache-control': 'no-store',
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csv.filename}"`,
        'x-content-type-options': 'nosniff',
      },
    });
  },
  { 'cache-control': 'no-store' },
);
