import { getTranslations } from 'next-intl/server';
import type { PublicExhibitor } from '@/lib/exhibition/public-exhibitors';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { countryName } from '@/lib/registration/admin/country-name';

/** Country, sectors and where to find an exhibitor (its booth, or online only), in the page's language. */
export async function ExhibitorFacts({ exhibitor, locale }: { exhibitor: PublicExhibitor; locale: Locale }) {
  const t = await getTranslations('exhibition');
  return (
    <dl className="facts">
      <dt>{t('directory.country')}</dt>
      <dd>{countryName(exhibitor.country, locale)}</dd>
      <dt>{t('directory.sectors')}</dt>
      <dd data-testid="exhibitor-sectors">{exhibitor.sectors.map((s) => t(`sectors.${s}`)).join(locale === 'zh' ? '、' : ', ')}</dd>
      <dt>{t('directory.where')}</dt>
      <dd data-testid="exhibitor-booth">
        {exhibitor.venueName
          ? t('directory.booth', { venue: pick(exhibitor.venueName, locale), hall: exhibitor.hall ?? '', booth: exhibitor.booth ?? '' })
          : t('directory.online')}
      </dd>
    </dl>
  );
}
