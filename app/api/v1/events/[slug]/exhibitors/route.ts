import { exhibitorApiQuerySchema } from '@/lib/exhibition/api-query';
import { queryErrorResponse, queryOf } from '@/lib/api/query-error';
import { exhibitorJson } from '@/lib/api/serialize';
import { eventRoute } from '@/lib/edge/route';
import { NO_SUCH_FORUM } from '@/lib/edge/context';
import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { apiExhibitors } from '@/lib/exhibition/api-directory';

export const dynamic = 'force-dynamic';

/** A published forum's approved exhibitors, by sector and country, a page at a time. */
export const GET = eventRoute<{ slug: string }>(async ({ request, db, slug }) => {
  const parsed = exhibitorApiQuerySchema.safeParse(queryOf(request));
  if (!parsed.success) return queryErrorResponse(request, parsed.error);
  const found = await apiExhibitors(db, slug, parsed.data);
  if (!found) return errorResponse(notFound(NO_SUCH_FORUM));
  return Response.json({ exhibitors: found.items.map((exhibitor) => exhibitorJson(exhibitor, slug)), next: found.next });
});
