import { getLocale, getTranslations } from 'next-intl/server';
import { SpeakerForm } from '@/components/admin/speaker-form';
import { VenueAgendaNav } from '@/components/admin/venue-agenda-nav';
import { loadEventPage } from '@/lib/edge/page';
import { countryOptions, timeZoneOptions } from '@/lib/admin/form-options';
import { newSpeakerDefaults } from '@/lib/speakers/admin/list-speakers';
import type { Locale } from '@/lib/i18n/locales';
import { saveSpeakerAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New speaker', robots: { index: false } };

export default async function NewSpeakerPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/admin/events/${slug}/agenda/speakers`;
  const { values } = await loadEventPage(slug, `${path}/new`, ({ db, actor }) => newSpeakerDefaults(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('adminVenues'), getLocale() as Promise<Locale>]);
  return (
    <>
      <VenueAgendaNav eventSlug={slug} current="speakers" />
      <p>
        <a href={path}>← {t('speaker.back')}</a>
      </p>
      <h2>{t('speaker.newTitle')}</h2>
      <SpeakerForm
        eventSlug={slug}
        speakerId={null}
        defaults={values}
        zones={timeZoneOptions()}
        countries={countryOptions(locale)}
        action={saveSpeakerAction}
      />
    </>
  );
}
