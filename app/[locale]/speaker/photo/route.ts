import { NextResponse, type NextRequest } from 'next/server';
import { asSignedIn } from '@/lib/edge/route';
import { errorResponse } from '@/lib/errors/http';
import { invalid } from '@/lib/errors/result';
import { readBodyBytes } from '@/lib/http/body-bytes';
import { sameOrigin } from '@/lib/http/same-origin';
import { MAX_PHOTO_BYTES } from '@/lib/speakers/photo';
import { setSpeakerPhoto } from '@/lib/speakers/update-photo';
import { uuidSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

/**
 * POST the image bytes as the body (any content type: the bytes decide) to set a speaker's photo;
 * DELETE removes it. ?speaker=<id> names the record; only its owner or an organiser may change it.
 */
async function handle(request: NextRequest, bytes: Uint8Array | null): Promise<Response> {
  const id = uuidSchema.safeParse(request.nextUrl.searchParams.get('speaker'));
  if (!id.success) return errorResponse(invalid({ speaker: 'must be a speaker id' }));
  return asSignedIn(async ({ db, actor }) => {
    const result = await setSpeakerPhoto(db, actor, id.data, bytes);
    return result.ok ? NextResponse.json({ ok: true }) : errorResponse(result);
  });
}

export async function POST(request: NextRequest) {
  if (!sameOrigin(request)) return NextResponse.json({ error: 'cross-site request refused' }, { status: 403 });
  const body = await readBodyBytes(request, MAX_PHOTO_BYTES);
  if (!body.ok) return errorResponse({ ...body, error: `photo: ${body.error}`, fields: { photo: body.error } });
  return handle(request, body.bytes);
}

export async function DELETE(request: NextRequest) {
  if (!sameOrigin(request)) return NextResponse.json({ error: 'cross-site request refused' }, { status: 403 });
  return handle(request, null);
}
