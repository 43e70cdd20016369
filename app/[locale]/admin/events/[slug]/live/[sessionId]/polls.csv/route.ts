import { exportPollsCsv } from '@/lib/live/export';
import { sessionCsvRoute } from '@/lib/live/session-csv-route';

export const dynamic = 'force-dynamic';

/** GET …/live/<session id>/polls.csv — a session's live polls, kept after it ends (organisers only). */
export const GET = sessionCsvRoute(exportPollsCsv);
