import { getTranslations } from 'next-intl/server';
import type { PublicListing } from '@/lib/exhibition/public-listings';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { countryName } from '@/lib/registration/admin/country-name';

/** One published offer or need, as the directory and the exhibitor's page show it. */
export async function ListingCard({ listing, eventSlug, locale }: { listing: PublicListing; eventSlug: string; locale: Locale }) {
  const [t, tp] = await Promise.all([getTranslations('exhibition'), getTranslations('presentedListings')]);
  const titleId = `listing-${listing.id}-title`;
  const list = (items: string[]) => items.join(locale === 'zh' ? '、' : ', ');
  const summary = pick(listing.summary, locale);
  return (
    <li className="card" data-listing={listing.id} data-kind={listing.kind}>
      <p className="muted" style={{ margin: 0 }}>
        <span data-testid="listing-kind">{t(`kindLong.${listing.kind}`)}</span> · {t(`sectors.${listing.sector}`)}
      </p>
      <h2 id={titleId} style={{ margin: '.25rem 0', fontSize: '1.1rem' }} data-testid="listing-title">
        {pick(listing.title, locale)}
      </h2>
      <p className="muted" style={{ margin: 0 }}>
        {listing.exhibitorSlug ? (
          <a href={`/events/${eventSlug}/exhibitors/${listing.exhibitorSlug}`}>
            {t('technologies.by', { exhibitor: pick(listing.authorName, locale) })}
          </a>
        ) : (
          <span data-testid="listing-attendee-author">
            {t('technologies.by', { exhibitor: pick(listing.authorName, locale) || t('technologies.attendee') })}
          </span>
        )}{' '}
        ({countryName(listing.authorCountry, locale)})
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
      <p style={{ margin: '.5rem 0 0' }}>
        {/* Who asks is known only from their manage link: the meet page asks for it (or offers to register). */}
        <a
          className="button small"
          href={`/events/${eventSlug}/meet?with=listing:${listing.id}`}
          aria-describedby={titleId}
          data-testid="request-meeting"
        >
          {tp('request')}
        </a>
      </p>
    </li>
  );
}
