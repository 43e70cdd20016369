import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, preferredLocale } from '@/lib/i18n/locales';
import { loadMessages } from '@/lib/i18n/messages';
import './[locale]/globals.css';

export const metadata: Metadata = { title: 'Hybrid Forum', robots: { index: false } };

type NotFoundText = { title: string; body: string; home: string; programme: string };

/**
 * For addresses outside the pages (proxy.ts sends every page address into app/[locale], whose own
 * not-found page answers there): a whole document, in the visitor's language, with a way back.
 */
export default async function GlobalNotFound() {
  const locale = preferredLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  const t = (loadMessages(locale).errors as { notFound: NotFoundText }).notFound;
  return (
    <html lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <body>
        <main id="main">
          <section className="error-page" aria-labelledby="error-title">
            <h1 id="error-title">{t.title}</h1>
            <p>{t.body}</p>
            <p className="actions">
              <a className="button" href="/">
                {t.home}
              </a>
              <a className="button secondary" href="/agenda">
                {t.programme}
              </a>
            </p>
          </section>
        </main>
      </body>
    </html>
  );
}
