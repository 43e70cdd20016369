import { staffRoute } from '@/lib/edge/route';
import { csvDownload } from '@/lib/registration/admin/csv-download';
import { exportMeetingsCsv } from '@/lib/meetings/admin/export';

export const dynamic = 'force-dynamic';

/** GET …/meetings/export.csv — every meeting request with its slot on the venue's clock (organisers only). */
export const GET = staffRoute<{ slug: string }>(
  ['organiser'],
  async ({ db, actor, event }) => {
    const csv = await exportMeetingsCsv(db, actor, event.slug);
    return csvDownload(csv);
  },
  { 'cache-control': 'no-store' },
);
