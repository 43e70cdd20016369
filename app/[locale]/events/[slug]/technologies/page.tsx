import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { CountryOptions } from '@/components/admin/select-options';
import { ListingCard } from '@/components/exhibition/listing-card';
import { LISTING_KINDS, SECTORS } from '@/db/schema/exhibition';
import { countryOptions } from '@/lib/admin/form-options';
import { type PageProps, pageInput } from '@/lib/edge/page';
import { listingQuerySchema } from '@/lib/exhibition/listing-query';
import { loadListingDirectory } from '@/lib/exhibition/public-exhibitors';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';

export const dynamic = 'force-dynamic';

const TRLS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export default async function TechnologiesPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, listingQuerySchema);
  const directory = await loadListingDirectory(slug, query);
  if (!directory) notFound();
  const [t, locale] = await Promise.all([getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  return (
    <>
      <p className="muted">
        <a href={`/events/${slug}`}>{pick(directory.event.name, locale)}</a> ·{' '}
        <a href={`/events/${slug}/exhibitors`}>{t('directory.title')}</a> · <a href={`/events/${slug}/outcomes`}>{t('outcomesLink')}</a>
      </p>
      <h1>{t('technologies.title')}</h1>
      <p className="muted">{t('technologies.intro')}</p>
      <form method="get" className="card filters" aria-label={t('technologies.filters')} data-testid="listing-filters">
        <div className="grid">
          <div className="field">
            <label htmlFor="f-q">{t('technologies.search')}</label>
            <input id="f-q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="f-sector">{t('technologies.sector')}</label>
            <select id="f-sector" name="sector" defaultValue={query.sector ?? ''}>
              <option value="">{t('technologies.any')}</option>
              {SECTORS.map((s) => (
                <option key={s} value={s}>
                  {t(`sectors.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-kind">{t('technologies.kind')}</label>
            <select id="f-kind" name="kind" defaultValue={query.kind ?? ''}>
              <option value="">{t('technologies.any')}</option>
              {LISTING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kindLong.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-country">{t('technologies.country')}</label>
            <select id="f-country" name="country" defaultValue={query.country ?? ''} aria-describedby="f-country-hint">
              <option value="">{t('technologies.any')}</option>
              <CountryOptions countries={countryOptions(locale)} />
            </select>
            <span id="f-country-hint" className="muted">
              {t('technologies.countryHint')}
            </span>
          </div>
          <div className="field">
            <label htmlFor="f-trl">{t('technologies.minTrl')}</label>
            <select id="f-trl" name="trl" defaultValue={query.trl ? String(query.trl) : ''}>
              <option value="">{t('technologies.any')}</option>
              {TRLS.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" className="button">
          {t('technologies.apply')}
        </button>{' '}
        <a className="button secondary" href={`/events/${slug}/technologies`}>
          {t('technologies.reset')}
        </a>
      </form>
      {directory.listings.length === 0 && <p data-testid="listing-none">{t('technologies.none')}</p>}
      <ul className="grid" style={{ listStyle: 'none', padding: 0 }}>
        {directory.listings.map((listing) => (
          <ListingCard key={listing.id} listing={listing} eventSlug={slug} locale={locale} />
        ))}
      </ul>
    </>
  );
}
