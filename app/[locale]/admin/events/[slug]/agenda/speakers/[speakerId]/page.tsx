import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { SpeakerForm } from '@/components/admin/speaker-form';
import { VenueAgendaNav } from '@/components/admin/venue-agenda-nav';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { countryOptions, timeZoneOptions } from '@/lib/admin/form-options';
import { speakerForEdit } from '@/lib/speakers/admin/list-speakers';
import type { Locale } from '@/lib/i18n/locales';
import { saveSpeakerAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Speaker', robots: { index: false } };

const querySchema = z.object({ done: z.enum(['created']).optional().catch(undefined) });

export default async function SpeakerPage(props: PageProps<{ slug: string; speakerId: string }>) {
  const { slug, speakerId, query } = await pageInput(props, querySchema);
  const list = `/admin/events/${slug}/agenda/speakers`;
  if (!z.uuid().safeParse(speakerId).success) notFound();
  const edit = await loadEventPage(slug, `${list}/${speakerId}`, ({ db, actor }) => speakerForEdit(db, actor, slug, speakerId));
  if (!edit.speaker || !edit.values) notFound();
  const [t, locale] = await Promise.all([getTranslations('adminVenues'), getLocale() as Promise<Locale>]);
  return (
    <>
      <VenueAgendaNav eventSlug={slug} current="speakers" />
      <p>
        <a href={list}>← {t('speaker.back')}</a>
      </p>
      <h2 data-testid="speaker-title">
        {t('speaker.editTitle')}: {edit.speaker.name}
      </h2>
      {query.done === 'created' && (
        <p className="notice ok" role="status">
          {t('speaker.created')}
        </p>
      )}
      {edit.speaker.hasAccount && <p className="notice">{t('speaker.linked')}</p>}
      <SpeakerForm
        eventSlug={slug}
        speakerId={edit.speaker.id}
        defaults={edit.values}
        zones={timeZoneOptions(edit.values.timeZone)}
        countries={countryOptions(locale)}
        action={saveSpeakerAction}
      />
    </>
  );
}
