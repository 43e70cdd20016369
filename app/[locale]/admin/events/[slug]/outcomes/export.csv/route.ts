import { staffRoute } from '@/lib/edge/route';
import { csvDownload } from '@/lib/registration/admin/csv-download';
import { exportOutcomesCsv } from '@/lib/outcomes/admin/export-outcomes';
import { OUTCOME_READERS } from '@/lib/outcomes/admin/list-outcomes';

export const dynamic = 'force-dynamic';

/** GET …/outcomes/export.csv — the outcomes registry, public and private, as a formula-safe spreadsheet (organisers and viewers). */
export const GET = staffRoute<{ slug: string }>(
  [...OUTCOME_READERS],
  async ({ db, actor, event }) => {
    const csv = await exportOutcomesCsv(db, actor, event.slug);
    return csvDownload(csv);
  },
  { 'cache-control': 'no-store' },
);
