import { getTranslations } from 'next-intl/server';
import type { PublicListing } from '@/lib/exhibition/public-listings';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { countryName } from '@/lib/registration/admin/country-name';

/** One published offer or need, as the directory and the exhibitor's page show it. */
export async function ListingCard({ listing, eventSlug, locale }: { listing: PublicListing; eventSlug: string; locale: Locale }) {
  const t = await getTranslations('exhibition');
  const list = (items: string[]) => items.join(locale === 'zh' ? '、' : ', ');
  const summary = pick(listing.summary, locale);
  return (
    <li className="card" data-listing={listing.id} data-kind={listing.kind}>
      <p className="muted" style={{ margin: 0 }}>
        <span data-testid="listing-kind">{t(`kindLong.${listing.kind}`)}</span> · {t(`sectors.${listing.sector}`)}
      </p>
      <h2 style={{ margin: '.25rem 0', fontSize: '1.1rem' }} data-testid="listing-title">
        {pick(listing.title, locale)}
      </h2>
      <p className="muted" style={{ margin: 0 }}>
        <a href={`/events/${eventSlug}/exhibitors/${listing.exhibitorSlug}`}>
          {t('technologies.by', { exhibitor: pick(listing.exhibitorName, locale) })}
        </a>{' '}
        ({countryName(listing.exhibitorCountry, locale)})
      </p>
      {summary && <p style={{ whiteSpace: 'pre-line' }}>{summary}</p>}
      <dl className="facts">
        <dt>{t('technologies.trl', { trl: listing.trl })}</dt>
        <dd>{t(`trlWords.${listing.trl}` as never)}</dd>
        <dt>{t('technologies.ip')}</dt>
        <dd>{t(`ip.${listing.ipStatus}`)}</dd>
        <dt>{t('technologies.cooperation')}</dt>
        <dd>{list(listing.cooperation.map((c) => t(`cooperationKinds.${c}`)))}</dd>
        <dt>{t('technologies.countries')}</dt>
        <dd>{listing.countries.length ? list(listing.countries.map((c) => countryName(c, locale))) : t('technologies.anywhere')}</dd>
      </dl>
    </li>
  );
}
