import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { PasswordSignInForm } from '@/components/auth/password-sign-in-form';
import { requestMagicLinkAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in' };

const querySchema = z.object({
  callbackUrl: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .max(500)
    .catch('/admin'),
  sent: z.literal('1').optional().catch(undefined),
  error: z.string().max(50).optional().catch(undefined),
  wait: z.coerce.number().int().min(1).max(60).catch(15),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = querySchema.parse({ callbackUrl: '/admin', wait: 15, ...(await searchParams) });
  const t = await getTranslations('auth');
  const words = await getTranslations('validation');
  const locale = await getLocale();
  return (
    <div style={{ maxWidth: 460 }}>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {query.error === 'tooMany' && (
        <p role="alert" className="notice bad">
          {t('tooMany', { minutes: query.wait })}
        </p>
      )}
      {query.sent && (
        <p role="status" className="notice ok">
          {t('linkSent')}
        </p>
      )}
      <section className="card">
        <PasswordSignInForm callbackUrl={query.callbackUrl} />
      </section>
      <h2>{t('orLink')}</h2>
      <form action={requestMagicLinkAction} className="card">
        <input type="hidden" name="callbackUrl" value={query.callbackUrl} />
        <input type="hidden" name="locale" value={locale} />
        <div className="field">
          <label htmlFor="magic-email">{t('email')}</label>
          <input
            id="magic-email"
            name="email"
            type="email"
            required
            autoComplete="email"
            aria-invalid={query.error === 'email'}
            aria-describedby={query.error === 'email' ? 'magic-email-error' : undefined}
          />
          {query.error === 'email' && (
            <span id="magic-email-error" className="error" role="alert">
              {words('email')}
            </span>
          )}
        </div>
        <button className="button secondary" type="submit">
          {t('sendLink')}
        </button>
      </form>
    </div>
  );
}
