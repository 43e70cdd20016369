import type { Metadata, Viewport } from 'next';
import { Suspense } from 'react';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { FailureTextProvider } from '@/components/ui/failure-text';
import { htmlLang, isLocale, locales } from '@/lib/i18n/locales';
import { AlternateLinks } from './alternate-links';
import { LanguageLinks, LanguageSwitch } from './language-switch';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Hybrid Forum', template: '%s · Hybrid Forum' },
  description: 'Multi-venue, online and on-site forum: programme, registration and livestreams.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

/** The locale is chosen per request by proxy.ts (cookie, then Accept-Language) and arrives as this
 * segment, so pages that read nothing else per request can be rendered once and cached. */
export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export default async function RootLayout({ children, params }: { children: React.ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations('site');
  const failed = await getTranslations('errors.failed');
  const failureText = {
    title: failed('title'),
    body: failed('body'),
    retry: failed('retry'),
    home: failed('home'),
    reference: failed.raw('reference') as string,
  };
  return (
    <html lang={htmlLang(locale)}>
      <body>
        <AlternateLinks />
        <a className="skip" href="#main">
          {t('skip')}
        </a>
        <header className="site-header">
          <div className="bar">
            <a className="brand" href="/">
              {t('name')}
            </a>
            <nav aria-label="Main">
              <a href="/agenda">{t('nav.agenda')}</a>
              <a href="/speakers">{t('nav.speakers')}</a>
              <a href="/register">{t('nav.register')}</a>
              <a href="/admin">{t('nav.admin')}</a>
            </nav>
            <Suspense fallback={<LanguageLinks locale={locale} label={t('language')} />}>
              <LanguageSwitch locale={locale} label={t('language')} />
            </Suspense>
          </div>
        </header>
        {/* Text for client components is provided by the layouts that have them (ClientMessages), so
            pages without them load no i18n runtime in the browser. */}
        <main id="main">
          <FailureTextProvider text={failureText}>{children}</FailureTextProvider>
        </main>
        <footer className="site-footer">
          <p>
            {t('footer')} · <a href="/privacy">{t('privacy')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
