import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { ExhibitorFacts } from '@/components/exhibition/exhibitor-facts';
import { ExhibitorLogo } from '@/components/exhibition/exhibitor-logo';
import { ListingCard } from '@/components/exhibition/listing-card';
import { loadExhibitorListings, loadPublicExhibitor } from '@/lib/exhibition/public-exhibitors';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';

export const dynamic = 'force-dynamic';

export default async function ExhibitorPage({ params }: { params: Promise<{ slug: string; exhibitor: string }> }) {
  const { slug, exhibitor: key } = await params;
  const found = await loadPublicExhibitor(slug, key);
  if (!found) notFound();
  const { exhibitor } = found;
  const [t, locale, technologies] = await Promise.all([
    getTranslations('exhibition'),
    getLocale() as Promise<Locale>,
    loadExhibitorListings(found.event.id, exhibitor.id),
  ]);
  const description = pick(exhibitor.description, locale);
  return (
    <article>
      <p className="muted">
        <a href={`/events/${slug}/exhibitors`}>{t('directory.back')}</a>
      </p>
      <ExhibitorLogo eventSlug={slug} exhibitor={exhibitor} alt={t('logo.alt', { name: pick(exhibitor.name, locale) })} size={96} />
      <h1 data-testid="exhibitor-name">{pick(exhibitor.name, locale)}</h1>
      <ExhibitorFacts exhibitor={exhibitor} locale={locale} />
      {description && (
        <p data-testid="exhibitor-description" style={{ whiteSpace: 'pre-line' }}>
          {description}
        </p>
      )}
      {exhibitor.website && (
        <p>
          <a href={exhibitor.website} rel="noopener noreferrer nofollow" target="_blank">
            {t('directory.website')}: {exhibitor.website}
          </a>
        </p>
      )}
      <p>
        <a className="button" href={`/events/${slug}/meet?with=exhibitor:${exhibitor.id}`} data-testid="request-exhibitor-meeting">
          {t('directory.requestMeeting', { exhibitor: pick(exhibitor.name, locale) })}
        </a>
      </p>
      {technologies.length > 0 && (
        <section aria-labelledby="exhibitor-technologies">
          <h2 id="exhibitor-technologies">{t('technologies.ofExhibitor')}</h2>
          <ul className="grid" style={{ listStyle: 'none', padding: 0 }} data-testid="exhibitor-technologies">
            {technologies.map((listing) => (
              <ListingCard key={listing.id} listing={listing} eventSlug={slug} locale={locale} />
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
