'use client';

import { useTranslations } from 'next-intl';
import { ImageUpload } from '@/components/ui/image-upload';

/**
 * An exhibitor's logo, replaced or removed by its staff (`/exhibitor/<id>/logo`) or by an organiser
 * (`/admin/events/<slug>/exhibitors/<id>/logo`): the caller names the route.
 */
export function LogoUpload({
  endpoint,
  exhibitorId,
  name,
  src,
}: {
  endpoint: string;
  exhibitorId: string;
  name: string;
  src: string | null;
}) {
  const t = useTranslations('exhibition.logo');
  return (
    <ImageUpload
      endpoint={endpoint}
      inputId={`logo-${exhibitorId}`}
      src={src}
      testId="logo-upload"
      fit="contain"
      words={{
        label: t('label'),
        alt: t('alt', { name }),
        none: t('none'),
        hint: t('hint'),
        upload: t('upload'),
        remove: t('remove'),
        saved: t('saved'),
        removed: t('removed'),
        failed: t('failed'),
      }}
    />
  );
}
