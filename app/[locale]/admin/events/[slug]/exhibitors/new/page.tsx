import { getLocale, getTranslations } from 'next-intl/server';
import { ExhibitorForm } from '@/components/admin/exhibitor-form';
import { countryOptions } from '@/lib/admin/form-options';
import { loadEventPage } from '@/lib/edge/page';
import { newExhibitorDefaults } from '@/lib/exhibition/admin/list-exhibitors';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { saveExhibitorAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New exhibitor', robots: { index: false } };

export default async function NewExhibitorPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/admin/events/${slug}/exhibitors`;
  const page = await loadEventPage(slug, `${path}/new`, ({ db, actor }) => newExhibitorDefaults(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  return (
    <>
      <p>
        <a href={path}>← {t('admin.back')}</a>
      </p>
      <h2>{t('admin.newTitle')}</h2>
      <ExhibitorForm
        eventSlug={slug}
        exhibitorId={null}
        defaults={page.values}
        countries={countryOptions(locale)}
        venues={page.venues.map((v) => ({ id: v.id, name: pick(v.name, locale) }))}
        action={saveExhibitorAction}
      />
    </>
  );
}
