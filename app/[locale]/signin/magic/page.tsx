import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { MagicLinkButton } from '@/components/auth/magic-link-button';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in', robots: { index: false } };

const querySchema = z.object({
  token: z.string().min(20).max(200).catch(''),
  callbackUrl: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .max(500)
    .catch('/'),
});

/** Opening this page (as mail scanners do) changes nothing; the button does the signing in. */
export default async function MagicLinkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = querySchema.parse({ token: '', callbackUrl: '/', ...(await searchParams) });
  const t = await getTranslations('auth');
  return (
    <div style={{ maxWidth: 460 }}>
      <h1>{t('magicTitle')}</h1>
      {query.token ? (
        <>
          <p>{t('magicIntro')}</p>
          <MagicLinkButton token={query.token} callbackUrl={query.callbackUrl} />
        </>
      ) : (
        <p className="notice bad">{t('magicFailed')}</p>
      )}
    </div>
  );
}
