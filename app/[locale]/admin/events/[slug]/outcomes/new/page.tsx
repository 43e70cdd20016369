import { getLocale, getTranslations } from 'next-intl/server';
import { OutcomeForm } from '@/components/admin/outcome-form';
import { countryOptions } from '@/lib/admin/form-options';
import { loadEventPage } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';
import { choiceLabels } from '@/lib/outcomes/admin/choice-labels';
import { newOutcomeDefaults } from '@/lib/outcomes/admin/list-outcomes';
import { saveOutcomeAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New outcome', robots: { index: false } };

export default async function NewOutcomePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/admin/events/${slug}/outcomes`;
  const page = await loadEventPage(slug, `${path}/new`, ({ db, actor }) => newOutcomeDefaults(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('outcomes'), getLocale() as Promise<Locale>]);
  const labels = choiceLabels(page, locale);
  return (
    <>
      <p>
        <a href={path}>← {t('admin.back')}</a>
      </p>
      <h2>{t('admin.newTitle')}</h2>
      <OutcomeForm
        eventSlug={slug}
        outcomeId={null}
        defaults={page.values}
        countries={countryOptions(locale)}
        sessions={labels.sessions}
        listings={labels.listings}
        action={saveOutcomeAction}
      />
    </>
  );
}
