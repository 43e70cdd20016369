import { staffRoute } from '@/lib/edge/route';
import { csvDownload } from '@/lib/registration/admin/csv-download';
import { uuidSchema } from '@/lib/validation/common';
import type { exportQuestionsCsv } from './export';

/** A GET route serving one of a session's live exports (questions, polls) to its organisers. */
export function sessionCsvRoute(exporter: typeof exportQuestionsCsv) {
  const noStore = { 'cache-control': 'no-store' };
  return staffRoute<{ slug: string; sessionId: string }>(
    ['organiser'],
    async ({ db, actor, event, params }) => {
      const sessionId = uuidSchema.safeParse(params.sessionId);
      if (!sessionId.success) return Response.json({ error: 'No such session' }, { status: 404, headers: noStore });
      return csvDownload(await exporter(db, actor, event.slug, sessionId.data));
    },
    noStore,
  );
}
