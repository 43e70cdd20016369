import { exportQuestionsCsv } from '@/lib/live/export';
import { sessionCsvRoute } from '@/lib/live/session-csv-route';

export const dynamic = 'force-dynamic';

/** GET …/live/<session id>/questions.csv — a session's live questions, kept after it ends (organisers only). */
export const GET = sessionCsvRoute(exportQuestionsCsv);
