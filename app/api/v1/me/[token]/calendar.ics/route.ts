import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { privateCalendarResponse } from '@/lib/calendar/private-calendar-response';
import { route } from '@/lib/edge/route';
import { registrationFeed } from '@/lib/personal-feed/personal-feed';
import { registrationIdFromFeedToken } from '@/lib/registration/feed-token';

export const dynamic = 'force-dynamic';

/** A registrant's personal calendar feed, reached only through its secret link. */
export const GET = route<{ token: string }>(async ({ params, db }) => {
  const id = registrationIdFromFeedToken(params.token);
  const body = id ? await registrationFeed(db, id) : null;
  if (!body) return errorResponse(notFound('This calendar link is not valid.'), { 'Cache-Control': 'no-store' });
  return privateCalendarResponse(body, 'my-forum-agenda.ics', 'inline');
});
