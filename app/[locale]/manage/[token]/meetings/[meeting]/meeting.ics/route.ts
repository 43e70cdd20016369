import { privateCalendarResponse } from '@/lib/calendar/private-calendar-response';
import { route } from '@/lib/edge/route';
import { errorResponse } from '@/lib/errors/http';
import { meetingCalendarFile } from '@/lib/meetings/meeting-calendar-file';

export const dynamic = 'force-dynamic';

/** GET /manage/<token>/meetings/<meeting>/meeting.ics: one of the link holder's own accepted meetings, for their calendar. */
export const GET = route<{ token: string; meeting: string }>(async ({ params, db }) => {
  const result = await meetingCalendarFile(db, params.token, params.meeting);
  if (!result.ok) return errorResponse(result, { 'Cache-Control': 'no-store' });
  return privateCalendarResponse(result.body, 'meeting.ics');
});
