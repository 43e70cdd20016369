import { staffRoute } from '@/lib/edge/route';
import { exportQuestionsCsv } from '@/lib/live/export';
import { uuidSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

/** GET …/live/<session id>/questions.csv — a session's live questions, kept after it ends (organisers only). */
export const GET = staffRoute<{ slug: string; sessionId: string }>(
  ['organiser'],
  async ({ db, actor, event, params }) => {
    const sessionId = uuidSchema.safeParse(params.sessionId);
    if (!sessionId.success) return Response.json({ error: 'No such session' }, { status: 404, headers: { 'cache-control': 'no-store' } });
    const csv = await exportQuestionsCsv(db, actor, event.slug, sessionId.data);
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
