import { getLocale, getTranslations } from 'next-intl/server';
import { VenueAgendaNav } from '@/components/admin/venue-agenda-nav';
import { VenueForm } from '@/components/admin/venue-form';
import { loadEventPage } from '@/lib/edge/page';
import { countryOptions, timeZoneOptions } from '@/lib/admin/form-options';
import { newVenueDefaults } from '@/lib/agenda/admin/venue-for-edit';
import type { Locale } from '@/lib/i18n/locales';
import { saveVenueAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New venue', robots: { index: false } };

export default async function NewVenuePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/admin/events/${slug}/agenda/venues`;
  const { values } = await loadEventPage(slug, `${path}/new`, ({ db, actor }) => newVenueDefaults(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('adminVenues'), getLocale() as Promise<Locale>]);
  return (
    <>
      <VenueAgendaNav eventSlug={slug} current="venues" />
      <p>
        <a href={path}>← {t('venue.back')}</a>
      </p>
      <h2>{t('venue.newTitle')}</h2>
      <VenueForm
        eventSlug={slug}
        venueId={null}
        defaults={values}
        zones={timeZoneOptions(values.timeZone)}
        countries={countryOptions(locale)}
        sessionCount={0}
        confirmedCount={0}
        action={saveVenueAction}
      />
    </>
  );
}
