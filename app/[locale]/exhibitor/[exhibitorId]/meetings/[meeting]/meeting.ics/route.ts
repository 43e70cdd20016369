import { AuthorizationError } from '@/lib/auth/authorize';
import { currentActor } from '@/lib/auth/current';
import { privateCalendarResponse } from '@/lib/calendar/private-calendar-response';
import { route } from '@/lib/edge/route';
import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { exhibitorMeetingCalendar } from '@/lib/meetings/exhibitor-staff-meetings';
import { uuidSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

const NONE = notFound('No such meeting for this exhibitor');

/** GET /exhibitor/<exhibitor>/meetings/<meeting>/meeting.ics: one of the exhibitor's accepted meetings, for its staff's calendar. */
export const GET = route<{ exhibitorId: string; meeting: string }>(async ({ params, db }) => {
  if (!uuidSchema.safeParse(params.exhibitorId).success) return errorResponse(NONE, { 'Cache-Control': 'no-store' });
  let result: Awaited<ReturnType<typeof exhibitorMeetingCalendar>>;
  try {
    result = await exhibitorMeetingCalendar(db, await currentActor(), params.exhibitorId, params.meeting);
  } catch (error) {
    if (!(error instanceof AuthorizationError)) throw error;
    result = NONE;
  }
  if (!result.ok) return errorResponse(result, { 'Cache-Control': 'no-store' });
  return privateCalendarResponse(result.body, 'meeting.ics');
});
