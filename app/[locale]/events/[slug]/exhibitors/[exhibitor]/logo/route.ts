import { getDb } from '@/lib/database/process-database';
import { publicExhibitorLogo } from '@/lib/exhibition/logo';
import { slugSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

/**
 * An approved exhibitor's logo, as the image it is (its type decided by its bytes at upload). Cached
 * for five minutes and revalidated by its ETag, so a replaced logo shows within that time.
 */
export async function GET(request: Request, context: { params: Promise<{ slug: string; exhibitor: string }> }) {
  const { slug, exhibitor } = await context.params;
  const eventSlug = slugSchema.safeParse(slug);
  const exhibitorSlug = slugSchema.safeParse(exhibitor);
  const logo =
    eventSlug.success && exhibitorSlug.success ? await publicExhibitorLogo(await getDb(), eventSlug.data, exhibitorSlug.data) : undefined;
  if (!logo) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const headers = {
    'content-type': logo.type,
    'cache-control': 'public, max-age=300',
    etag: logo.etag,
    'x-content-type-options': 'nosniff',
  };
  if (request.headers.get('if-none-match') === logo.etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(logo.bytes), { headers });
}
