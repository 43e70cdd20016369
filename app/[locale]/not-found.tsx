import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('errors.notFound');
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{t('title')}</h1>
      <p>{t('body')}</p>
      <p className="actions">
        <a className="button" href="/">
          {t('home')}
        </a>
        <a className="button secondary" href="/agenda">
          {t('programme')}
        </a>
      </p>
    </section>
  );
}
