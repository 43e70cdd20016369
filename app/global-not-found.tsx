import type { Metadata } from 'next';
import en from '@/messages/en/errors.json';
import zh from '@/messages/zh/errors.json';
import './[locale]/globals.css';

export const metadata: Metadata = { title: `${en.errors.notFound.title} · ${zh.errors.notFound.title}`, robots: { index: false } };

/**
 * For addresses outside the pages (proxy.ts sends every page address into app/[locale], whose own
 * not-found page answers there). It is rendered once, before any request, so it cannot know the
 * visitor's language: it says the same in both, each part marked with its language.
 */
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <main id="main">
          {[
            { lang: 'en', t: en.errors.notFound },
            { lang: 'zh-CN', t: zh.errors.notFound },
          ].map(({ lang, t }) => (
            <section key={lang} lang={lang} className="error-page" aria-labelledby={`error-title-${lang}`}>
              {lang === 'en' ? <h1 id={`error-title-${lang}`}>{t.title}</h1> : <h2 id={`error-title-${lang}`}>{t.title}</h2>}
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
          ))}
        </main>
      </body>
    </html>
  );
}
