import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { verifyCertificate } from '@/lib/certificates/certificate';
import { getDb } from '@/lib/database/process-database';
import { pageInput, type PageProps } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Certificate check', robots: { index: false } };

/** The public check of a certificate's verification URL: the holder's name and validity, nothing more. */
export default async function VerifyCertificatePage(props: PageProps<{ code: string }>) {
  const { code } = await pageInput(props, z.object({}));
  const [t, locale] = await Promise.all([getTranslations('documents.verify'), getLocale() as Promise<Locale>]);
  const check = await verifyCertificate(await getDb(), code, locale);
  return (
    <div style={{ maxWidth: 760 }}>
      <h1>{t('title')}</h1>
      {check.valid ? (
        <p className="notice ok" data-testid="certificate-valid">
          {t('valid', { name: check.name, forum: check.forum })}
        </p>
      ) : (
        <p className="notice bad" data-testid="certificate-invalid">
          {t('invalid')}
        </p>
      )}
    </div>
  );
}
