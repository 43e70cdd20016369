import { getLocale, getTranslations } from 'next-intl/server';
import { SessionEditor } from '@/components/admin/session-editor';
import { getDb } from '@/lib/database/process-database';
import { loadForPage } from '@/lib/admin/page-guard';
import { sessionEditorOptions } from '@/lib/agenda/admin/editor-data';
import { checkSessionAction, saveSessionAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'New session', robots: { index: false } };

export default async function NewSessionPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = await getDb();
  const locale = await getLocale();
  const [t, options] = await Promise.all([
    getTranslations('adminAgenda.editor'),
    loadForPage(`/admin/events/${slug}/agenda/sessions/new`, (actor) => sessionEditorOptions(db, actor, slug, locale)),
  ]);
  const { eventId: _eventId, firstDay, ...choices } = options;
  return (
    <section>
      <p>
        <a href={`/admin/events/${slug}/agenda`}>←</a>
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
          titleEn: '',
          titleZh: '',
          descriptionEn: '',
          descriptionZh: '',
          kind: 'panel',
          segment: 'main',
          venueId: choices.venues[0]?.id ?? '',
          roomId: '',
          date: firstDay,
          start: '09:00',
          end: '10:00',
          capacity: '',
          streamed: true,
          livestreamUrl: '',
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
