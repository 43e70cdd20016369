import { staffRoute } from '@/lib/edge/route';
import { csvDownload } from '@/lib/registration/admin/csv-download';
import { exportExhibitorsCsv } from '@/lib/exhibition/admin/export';

export const dynamic = 'force-dynamic';

/** GET …/exhibitors/export.csv — the event's exhibitors, every status, formula-safe (organisers only, as the meetings export). */
export const GET = staffRoute<{ slug: string }>(
  ['organiser'],
  async ({ db, actor, event }) => {
    const csv = await exportExhibitorsCsv(db, actor, event.slug);
    return csvDownload(csv);
  },
  { 'cache-control': 'no-store' },
);
