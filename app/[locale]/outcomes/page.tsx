import { getLocale, getTranslations } from 'next-intl/server';
import { OutcomeFiguresView } from '@/components/outcomes/outcome-figures';
import { formatDay } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { loadEditionFigures } from '@/lib/outcomes/public-outcomes';

export const dynamic = 'force-dynamic';

/** Edition by edition (each published forum is one), the figures of its public outcomes and meetings, and the totals. */
export default async function OutcomeEditionsPage() {
  const { editions, totals } = await loadEditionFigures();
  const [t, locale] = await Promise.all([getTranslations('outcomes'), getLocale() as Promise<Locale>]);
  return (
    <>
      <h1>{t('editions.title')}</h1>
      <p className="muted">{t('editions.intro')}</p>
      <OutcomeFiguresView figures={totals} meetings={null} locale={locale} testId="edition-totals" />
      {editions.length === 0 && <p>{t('editions.none')}</p>}
      {editions.map((edition) => (
        <section key={edition.id} data-edition={edition.slug} aria-labelledby={`edition-${edition.slug}`}>
          <h2 id={`edition-${edition.slug}`}>
            <a href={`/events/${edition.slug}/outcomes`}>{pick(edition.name, locale)}</a>
          </h2>
          <p className="muted">{formatDay(edition.startsAt, edition.timeZone, locale)}</p>
          <OutcomeFiguresView
            figures={edition.figures}
            meetings={edition.meetings}
            locale={locale}
            testId={`edition-${edition.slug}-figures`}
          />
        </section>
      ))}
    </>
  );
}
