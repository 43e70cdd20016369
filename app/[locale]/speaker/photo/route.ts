import { imageUploadRoute } from '@/lib/edge/image-upload-route';
import { invalid, ok } from '@/lib/errors/result';
import { setSpeakerPhoto } from '@/lib/speakers/update-photo';
import { uuidSchema } from '@/lib/validation/common';

export const dynamic = 'force-dynamic';

/** ?speaker=<id> names the record; only its owner or an organiser may change its photo. */
const image = imageUploadRoute(
  'photo',
  (request) => {
    const id = uuidSchema.safeParse(request.nextUrl.searchParams.get('speaker'));
    return id.success ? ok({ speakerId: id.data }) : invalid({ speaker: 'must be a speaker id' });
  },
  (db, actor, { speakerId }, bytes) => setSpeakerPhoto(db, actor, speakerId, bytes),
);

export const POST = image.POST;
export const DELETE = image.DELETE;
