import { imageUploadRoute } from '@/lib/edge/image-upload-route';
import { invalid, ok } from '@/lib/errors/result';
import { setOwnExhibitorLogo } from '@/lib/exhibition/logo';
import { uuidSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

/** The exhibitor's staff replace (POST the bytes) or remove (DELETE) its logo. */
const image = imageUploadRoute(
  'logo',
  (_request, params: { exhibitorId?: string }) => {
    const id = uuidSchema.safeParse(params.exhibitorId);
    return id.success ? ok({ exhibitorId: id.data }) : invalid({ exhibitor: 'must be an exhibitor id' });
  },
  (db, actor, { exhibitorId }, bytes) => setOwnExhibitorLogo(db, actor, exhibitorId, bytes),
);

export const POST = image.POST;
export const DELETE = image.DELETE;
