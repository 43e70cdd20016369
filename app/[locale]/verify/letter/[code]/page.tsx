import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getDb } from '@/lib/database/process-database';
import { pageInput, type PageProps } from '@/lib/edge/page';
import { verifyVisaLetter } from '@/lib/visa/letters';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Letter check', robots: { index: false } };

/** The public check of an invitation letter's code: the passport name and validity, nothing more. */
export default async function VerifyLetterPage(props: PageProps<{ code: string }>) {
  const { code } = await pageInput(props, z.object({}));
  const t = await getTranslations('documents.verifyLetter');
  const check = await verifyVisaLetter(await getDb(), code);
  return (
    <div style={{ maxWidth: 760 }}>
      <h1>{t('title')}</h1>
      {check.valid ? (
        <p className="notice ok" data-testid="letter-valid">
          {t('valid', { name: check.name })}
        </p>
      ) : (
        <p className="notice bad" data-testid="letter-invalid">
          {t('invalid')}
        </p>
      )}
    </div>
  );
}
