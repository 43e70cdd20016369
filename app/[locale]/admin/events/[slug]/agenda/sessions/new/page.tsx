import { getLocale, getTranslations } from 'next-intl/server';
import { SessionEditor } from '@/components/admin/session-editor';
import { loadEventPage } from '@/lib/edge/page';
import { VENUE_EDITORS } from '@/lib/auth/authorize';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { sessionEditorOptions } from '@/lib/agenda/admin/editor-data';
import { checkSessionAction, saveSessionAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New session', robots: { index: false } };

export default async function NewSessionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const locale = await getLocale();
  const [t, options] = await Promise.all([
    getTranslations('adminAgenda.editor'),
    loadEventPage(
      slug,
      `/admin/events/${slug}/agenda/sessions/new`,
      ({ db, actor }) => sessionEditorOptions(db, actor, slug, locale),
      VENUE_EDITORS,
    ),
  ]);
  const { eventId: _eventId, firstDay, ...choices } = options;
  return (
    <section>
      <p>
        <a href={`/admin/events/${slug}/agenda`}>← {t('back')}</a>
      </p>
      <h2>{t('newTitle')}</h2>
      <SessionEditor
        slug={slug}
        sessionId={null}
        options={choices}
        check={checkSessionAction}
        save={saveSessionAction}
        defaults={{
          slug: '',
          title: localizedFormValues(null),
          description: localizedFormValues(null),
          kind: 'panel',
          segment: 'main',
          venueId: choices.venues.find((v) => v.own)?.id ?? '',
          roomId: '',
          date: firstDay,
          start: '09:00',
          end: '10:00',
          capacity: '',
          streamed: true,
          livestreamUrl: '',
          interpretationUrls: {},
          recordingUrl: '',
          languages: ['en'],
          relayVenueIds: [],
          speakers: [],
          cancelled: false,
          acknowledgeConflicts: false,
        }}
      />
    </section>
  );
}
