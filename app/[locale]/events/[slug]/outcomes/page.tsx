import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { OutcomeFiguresView } from '@/components/outcomes/outcome-figures';
import { OutcomeItem } from '@/components/outcomes/outcome-item';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { loadEventOutcomes } from '@/lib/outcomes/public-outcomes';

export const dynamic = 'force-dynamic';

export default async function EventOutcomesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const found = await loadEventOutcomes(slug);
  if (!found) notFound();
  const [t, locale] = await Promise.all([getTranslations('outcomes'), getLocale() as Promise<Locale>]);
  return (
    <>
      <p className="muted">
        <a href={`/events/${slug}`}>{pick(found.event.name, locale)}</a> · <a href="/outcomes">{t('editions.title')}</a>
      </p>
      <h1>{t('public.title')}</h1>
      <p className="muted">{t('public.intro')}</p>
      <OutcomeFiguresView figures={found.figures} meetings={found.meetings} locale={locale} testId="public-outcome-figures" />
      <h2>{t('public.listTitle')}</h2>
      {found.outcomes.length === 0 && <p>{t('public.none')}</p>}
      <ul className="grid" style={{ listStyle: 'none', padding: 0 }} data-testid="public-outcomes">
        {found.outcomes.map((outcome) => (
          <OutcomeItem key={outcome.id} outcome={outcome} slug={slug} locale={locale} />
        ))}
      </ul>
    </>
  );
}
