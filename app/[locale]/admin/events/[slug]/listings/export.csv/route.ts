import { staffRoute } from '@/lib/edge/route';
import { csvDownload } from '@/lib/registration/admin/csv-download';
import { exportListingsCsv } from '@/lib/exhibition/admin/export';

export const dynamic = 'force-dynamic';

/** GET …/listings/export.csv — the event's listings, every status, formula-safe (organisers only, as the meetings export). */
export const GET = staffRoute<{ slug: string }>(
  ['organiser'],
  async ({ db, actor, event }) => {
    const csv = await exportListingsCsv(db, actor, event.slug);
    return csvDownload(csv);
  },
  { 'cache-control': 'no-store' },
);
