import { imageUploadRoute } from '@/lib/edge/image-upload-route';
import { invalid, ok } from '@/lib/errors/result';
import { setExhibitorLogoAsOrganiser } from '@/lib/exhibition/logo';
import { slugSchema, uuidSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

/** The event's organisers replace (POST the bytes) or remove (DELETE) an exhibitor's logo. */
const image = imageUploadRoute(
  'logo',
  (_request, params: { slug?: string; exhibitorId?: string }) => {
    const slug = slugSchema.safeParse(params.slug);
    const id = uuidSchema.safeParse(params.exhibitorId);
    return slug.success && id.success
      ? ok({ eventSlug: slug.data, exhibitorId: id.data })
      : invalid({ exhibitor: 'must be an exhibitor id of this event' });
  },
  (db, actor, { eventSlug, exhibitorId }, bytes) => setExhibitorLogoAsOrganiser(db, actor, eventSlug, exhibitorId, bytes),
);

export const POST = image.POST;
export const DELETE = image.DELETE;
