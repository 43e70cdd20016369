import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { SessionEditor } from '@/components/admin/session-editor';
import { loadEventPage } from '@/lib/edge/page';
import { VENUE_EDITORS } from '@/lib/auth/authorize';
import { sessionEditorOptions, sessionFormValues } from '@/lib/agenda/admin/editor-data';
import { uuidSchema } from '@/lib/validation/common';
import { SessionListingsPicker } from '@/components/admin/session-listings-picker';
import { sessionListingChoices } from '@/lib/exhibition/session/presented-listings';
import type { Locale } from '@/lib/i18n/locales';
import { validationWords } from '@/lib/validation/server-words';
import { checkSessionAction, saveSessionAction, saveSessionListingsAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Edit session', robots: { index: false } };

export default async function EditSessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug, id } = await params;
  const search = await searchParams;
  if (!uuidSchema.safeParse(id).success) notFound();
  const locale = await getLocale();
  const [t, loaded] = await Promise.all([
    getTranslations('adminAgenda'),
    loadEventPage(
      slug,
      `/admin/events/${slug}/agenda/sessions/${id}`,
      ({ db, actor, roles }) =>
        Promise.all([
          sessionEditorOptions(db, actor, slug, locale),
          sessionFormValues(db, actor, slug, id),
          roles.includes('organiser'),
          // The listings presented: organisers choose them (they moderate listings); null for other kinds.
          roles.includes('organiser') ? sessionListingChoices(db, actor, slug, id) : null,
        ]),
      VENUE_EDITORS,
    ),
  ]);
  const [options, values, moderates, presented] = loaded;
  const words = await validationWords();
  const listingsError = typeof search.listingsError === 'string' ? search.listingsError : undefined;
  if (!values) notFound();
  const { eventId: _eventId, firstDay: _firstDay, ...choices } = options;
  return (
    <section>
      <p>
        <a href={`/admin/events/${slug}/agenda`}>← {t('editor.back')}</a>
      </p>
      <h2>{t('editor.editTitle')}</h2>
      {moderates && (
        <p>
          <a href={`/live/moderate/${id}`} data-testid="moderate-live">
            {t('editor.moderateLive')}
          </a>
          {' · '}
          <a href={`/admin/events/${slug}/live/${id}/questions.csv`} data-testid="export-questions">
            {t('editor.exportQuestions')}
          </a>
          {' · '}
          <a href={`/admin/events/${slug}/live/${id}/polls.csv`} data-testid="export-polls">
            {t('editor.exportPolls')}
          </a>
        </p>
      )}
      <SessionEditor slug={slug} sessionId={id} options={choices} check={checkSessionAction} save={saveSessionAction} defaults={values} />
      {presented && (
        <SessionListingsPicker
          action={saveSessionListingsAction.bind(null, slug, id)}
          choices={presented.choices}
          chosen={presented.chosen}
          locale={locale as Locale}
          saved={search.listings === 'saved'}
          error={listingsError ? words(listingsError) : undefined}
        />
      )}
    </section>
  );
}
