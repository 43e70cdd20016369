import { exhibitorJson, listingJson } from '@/lib/api/serialize';
import { eventRoute } from '@/lib/edge/route';
import { errorResponse } from '@/lib/errors/http';
import { notFound } from '@/lib/errors/result';
import { apiExhibitor } from '@/lib/exhibition/api-directory';
import { slugSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

/** One approved exhibitor with its published listings; a pending or unknown one is not found. */
export const GET = eventRoute<{ slug: string; exhibitor: string }>(async ({ params, db, slug }) => {
  const exhibitorSlug = slugSchema.safeParse(params.exhibitor);
  const found = exhibitorSlug.success ? await apiExhibitor(db, slug, exhibitorSlug.data) : undefined;
  if (!found) return errorResponse(notFound('No such exhibitor'));
  return Response.json({ exhibitor: { ...exhibitorJson(found.exhibitor, slug), listings: found.listings.map(listingJson) } });
});
