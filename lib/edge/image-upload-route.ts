import { NextResponse, type NextRequest } from 'next/server';
import type { Db } from '@/db/types';
import type { Actor } from '@/lib/auth/sessions';
import { errorResponse } from '@/lib/errors/http';
import type { Result } from '@/lib/errors/result';
import { readBodyBytes } from '@/lib/http/body-bytes';
import { sameOrigin } from '@/lib/http/same-origin';
import { MAX_PHOTO_BYTES } from '@/lib/speakers/photo';
import { asSignedIn } from './route';

type Params = Record<string, string | string[] | undefined>;
type Context<P> = { params: Promise<P> };

/**
 * The routes of an uploaded image (a speaker's photo, an exhibitor's logo): POST the bytes as the
 * body (any content type: the bytes decide) to replace it, DELETE to remove it. A cross-site request
 * is refused before anything is read, an address naming no record before anyone is looked up;
 * lib/ decides who may change which image.
 */
export function imageUploadRoute<P extends Params, Target extends object>(
  field: string,
  target: (request: NextRequest, params: P) => Result<Target>,
  setImage: (db: Db, actor: Actor | null, target: Target, bytes: Uint8Array | null) => Promise<Result>,
) {
  const handle = async (request: NextRequest, context: Context<P> | undefined, bytes: Uint8Array | null) => {
    const named = target(request, ((await context?.params) ?? {}) as P);
    if (!named.ok) return errorResponse(named);
    return asSignedIn(async ({ db, actor }) => {
      const result = await setImage(db, actor, named, bytes);
      return result.ok ? NextResponse.json({ ok: true }) : errorResponse(result);
    });
  };
  const crossSite = () => NextResponse.json({ error: 'cross-site request refused' }, { status: 403 });
  return {
    async POST(request: NextRequest, context?: Context<P>) {
      if (!sameOrigin(request)) return crossSite();
      const body = await readBodyBytes(request, MAX_PHOTO_BYTES);
      if (!body.ok) return errorResponse({ ...body, error: `${field}: ${body.error}`, fields: { [field]: body.error } });
      return handle(request, context, body.bytes);
    },
    async DELETE(request: NextRequest, context?: Context<P>) {
      if (!sameOrigin(request)) return crossSite();
      return handle(request, context, null);
    },
  };
}
