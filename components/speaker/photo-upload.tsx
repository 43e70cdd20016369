'use client';

import { useTranslations } from 'next-intl';
import { ImageUpload } from '@/components/ui/image-upload';

/** A speaker's photo, replaced or removed by its owner or an organiser (`/speaker/photo`). */
export function PhotoUpload({ speakerId, name, src }: { speakerId: string; name: string; src: string | null }) {
  const t = useTranslations('speaker');
  return (
    <ImageUpload
      endpoint={`/speaker/photo?speaker=${encodeURIComponent(speakerId)}`}
      inputId={`photo-${speakerId}`}
      src={src}
      testId="photo-upload"
      fit="cover"
      words={{
        label: t('photo'),
        alt: t('photoAlt', { name }),
        none: t('photoNone'),
        hint: t('photoHint'),
        upload: t('photoUpload'),
        remove: t('photoRemove'),
        saved: t('photoSaved'),
        removed: t('photoRemoved'),
        failed: t('failed'),
      }}
    />
  );
}
