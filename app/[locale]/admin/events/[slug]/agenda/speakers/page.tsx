import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/admin/data-table';
import { VenueAgendaNav } from '@/components/admin/venue-agenda-nav';
import { type PageProps, loadEventPage } from '@/lib/edge/page';
import { listSpeakers } from '@/lib/speakers/admin/list-speakers';
import type { Locale } from '@/lib/i18n/locales';
import { tableSort, tableSortHref } from '@/lib/pagination/table-sort';
import { countryName } from '@/lib/registration/admin/country-name';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Speakers', robots: { index: false } };

export default async function SpeakersPage(props: PageProps<{ slug: string }>) {
  const { slug } = await props.params;
  const sort = tableSort(await props.searchParams);
  const path = `/admin/events/${slug}/agenda/speakers`;
  const list = await loadEventPage(slug, path, ({ db, actor }) => listSpeakers(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('adminVenues'), getLocale() as Promise<Locale>]);

  return (
    <>
      <VenueAgendaNav eventSlug={slug} current="speakers" />
      <h2>{t('speakers.title')}</h2>
      <p className="muted">{t('speakers.intro')}</p>
      <p>
        <a className="button" href={`${path}/new`}>
          {t('speakers.add')}
        </a>
      </p>
      <DataTable
        caption={t('speakers.title')}
        testId="speaker-list"
        rows={list.speakers}
        rowKey={(s) => s.id}
        rowData={(s) => ({ 'data-speaker': s.slug })}
        empty={<p>{t('speakers.none')}</p>}
        sort={{ current: sort, href: (next) => tableSortHref(path, next), locale }}
        columns={[
          {
            key: 'name',
            header: t('speakers.columns.name'),
            sortValue: (s) => s.name,
            cell: (s) => (
              <>
                <a href={`${path}/${s.id}`}>{[s.honorific, s.name].filter(Boolean).join(' ')}</a>
                {s.jobTitle && <div className="muted">{s.jobTitle}</div>}
              </>
            ),
          },
          {
            key: 'affiliation',
            header: t('speakers.columns.affiliation'),
            sortValue: (s) => s.affiliation,
            cell: (s) => <span data-testid="speaker-affiliation">{s.affiliation}</span>,
          },
          {
            key: 'country',
            header: t('speakers.columns.country'),
            sortValue: (s) => countryName(s.country, locale),
            cell: (s) => countryName(s.country, locale),
          },
          {
            key: 'zone',
            header: t('speakers.columns.zone'),
            cell: (s) => s.timeZone ?? <span className="muted">{t('speakers.noZone')}</span>,
          },
          {
            key: 'sessions',
            header: t('speakers.columns.sessions'),
            numeric: true,
            sortValue: (s) => s.sessionCount,
            cell: (s) => s.sessionCount,
          },
          {
            key: 'account',
            header: t('speakers.columns.account'),
            cell: (s) => (s.hasAccount ? t('speakers.signedIn') : <span className="muted">{t('speakers.notSignedIn')}</span>),
          },
        ]}
      />
    </>
  );
}
