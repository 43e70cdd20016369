import { route } from '@/lib/edge/route';
import { streamDestination } from '@/lib/livestream/entitlement';
import { verifyStreamRedirect } from '@/lib/livestream/stream-redirect';

export const dynamic = 'force-dynamic';

const privateHeaders = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer', 'X-Robots-Tag': 'noindex' };

/** Follows a join page's short-lived signed link to the stream, if the registration is still entitled. */
export const GET = route<{ token: string }>(async ({ params, db }) => {
  const check = verifyStreamRedirect(params.token);
  if (!check.ok) {
    const status = check.reason === 'expired' ? 410 : 403;
    const error = check.reason === 'expired' ? 'This link has expired. Open the join page again.' : 'This link is not valid.';
    return Response.json({ error }, { status, headers: privateHeaders });
  }
  const { registrationId, sessionId, target, channel } = check.redirect;
  const destination = await streamDestination(db, registrationId, sessionId, target, new Date(), channel);
  if (!destination)
    return Response.json({ error: 'This stream is not open to this registration now.' }, { status: 403, headers: privateHeaders });
  return new Response(null, { status: 302, headers: { ...privateHeaders, Location: destination } });
});
