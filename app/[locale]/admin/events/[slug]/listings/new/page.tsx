import { getLocale, getTranslations } from 'next-intl/server';
import { ListingForm } from '@/components/admin/listing-form';
import { countryOptions } from '@/lib/admin/form-options';
import { loadEventPage } from '@/lib/edge/page';
import { newListingDefaults } from '@/lib/exhibition/admin/list-listings';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { createListingAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New technology listing', robots: { index: false } };

export default async function NewListingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/admin/events/${slug}/listings`;
  const page = await loadEventPage(slug, `${path}/new`, ({ db, actor }) => newListingDefaults(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  return (
    <>
      <p>
        <a href={path}>← {t('listingsAdmin.back')}</a>
      </p>
      <h2>{t('listingsAdmin.newTitle')}</h2>
      <ListingForm
        defaults={page.values}
        countries={countryOptions(locale)}
        exhibitors={page.exhibitors.map((e) => ({ id: e.id, name: pick(e.name, locale) }))}
        action={createListingAction.bind(null, slug)}
        doneHref={`${path}?done=created`}
      />
    </>
  );
}
