import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExhibitorFacts } from '@/components/exhibition/exhibitor-facts';
import { ExhibitorLogo } from '@/components/exhibition/exhibitor-logo';
import { loadExhibitorDirectory } from '@/lib/exhibition/public-exhibitors';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';

export const dynamic = 'force-dynamic';

export default async function ExhibitorDirectoryPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const directory = await loadExhibitorDirectory(slug);
  if (!directory) notFound();
  const [t, locale] = await Promise.all([getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  return (
    <>
      <p className="muted">
        <a href={`/events/${slug}`}>{pick(directory.event.name, locale)}</a> ·{' '}
        <a href={`/events/${slug}/technologies`}>{t('technologies.title')}</a> ·{' '}
        <a href={`/events/${slug}/outcomes`}>{t('outcomesLink')}</a>
      </p>
      <h1>{t('directory.title')}</h1>
      <p className="muted">{t('directory.intro')}</p>
      {directory.exhibitors.length === 0 && <p>{t('directory.none')}</p>}
      <ul className="grid" style={{ listStyle: 'none', padding: 0 }}>
        {directory.exhibitors.map((exhibitor) => (
          <li key={exhibitor.id} className="card" data-exhibitor={exhibitor.slug}>
            <ExhibitorLogo eventSlug={slug} exhibitor={exhibitor} alt="" size={56} />
            <h2 style={{ margin: 0, fontSize: '1.1rem' }}>
              <a href={`/events/${slug}/exhibitors/${exhibitor.slug}`}>{pick(exhibitor.name, locale)}</a>
            </h2>
            <ExhibitorFacts exhibitor={exhibitor} locale={locale} />
          </li>
        ))}
      </ul>
    </>
  );
}
