import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { route } from '@/lib/edge/route';
import { apiMyMeetings } from '@/lib/meetings/api-meetings';
import { registrationIdFromFeedToken } from '@/lib/registration/feed-token';

export const dynamic = 'force-dynamic';

/**
 * A registrant's own 1:1 meetings, reached only through the secret link of their calendar feed (it
 * reads and can change nothing, like the feed). A forged or foreign link: 404, never whose it is.
 */
export const GET = route<{ token: string }>(async ({ params, db }) => {
  const id = registrationIdFromFeedToken(params.token);
  const found = id ? await apiMyMeetings(db, id) : null;
  const headers = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' };
  if (!found) return errorResponse(notFound('This link is not valid.'), headers);
  return Response.json({ meetings: found }, { headers });
});
