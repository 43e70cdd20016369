import { listingApiQuerySchema } from '@/lib/exhibition/api-query';
import { queryErrorResponse, queryOf } from '@/lib/api/query-error';
import { listingJson } from '@/lib/api/serialize';
import { eventRoute } from '@/lib/edge/route';
import { NO_SUCH_FORUM } from '@/lib/edge/context';
import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { apiListings } from '@/lib/exhibition/api-directory';

export const dynamic = 'force-dynamic';

/** A published forum's published technology offers and needs, filtered, a page at a time. */
export const GET = eventRoute<{ slug: string }>(async ({ request, db, slug }) => {
  const parsed = listingApiQuerySchema.safeParse(queryOf(request));
  if (!parsed.success) return queryErrorResponse(request, parsed.error);
  const found = await apiListings(db, slug, parsed.data);
  if (!found) return errorResponse(notFound(NO_SUCH_FORUM));
  return Response.json({ listings: found.items.map(listingJson), next: found.next });
});
