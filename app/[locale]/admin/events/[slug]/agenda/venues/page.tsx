import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/admin/data-table';
import { VenueAgendaNav } from '@/components/admin/venue-agenda-nav';
import { type PageProps, loadEventPage } from '@/lib/edge/page';
import { listVenues } from '@/lib/agenda/admin/list-venues';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { tableSort, tableSortHref } from '@/lib/pagination/table-sort';
import { countryName } from '@/lib/registration/admin/country-name';
import { offsetLabel } from '@/lib/time/zones';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Venues', robots: { index: false } };

export default async function VenuesPage(props: PageProps<{ slug: string }>) {
  const { slug } = await props.params;
  const sort = tableSort(await props.searchParams);
  const path = `/admin/events/${slug}/agenda/venues`;
  const list = await loadEventPage(slug, path, ({ db, actor }) => listVenues(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('adminVenues'), getLocale() as Promise<Locale>]);
  const now = new Date();

  return (
    <>
      <VenueAgendaNav eventSlug={slug} current="venues" />
      <h2>{t('venues.title')}</h2>
      <p className="muted">{t('venues.intro')}</p>
      <p>
        <a className="button" href={`${path}/new`}>
          {t('venues.add')}
        </a>
      </p>
      <DataTable
        caption={t('venues.title')}
        testId="venue-list"
        rows={list.venues}
        rowKey={(v) => v.id}
        rowData={(v) => ({ 'data-venue': v.slug })}
        empty={<p>{t('venues.none')}</p>}
        sort={{ current: sort, href: (next) => tableSortHref(path, next), locale }}
        columns={[
          {
            key: 'venue',
            header: t('venues.columns.venue'),
            sortValue: (v) => pick(v.name, locale),
            cell: (v) => <a href={`${path}/${v.id}`}>{pick(v.name, locale)}</a>,
          },
          {
            key: 'place',
            header: t('venues.columns.place'),
            sortValue: (v) => pick(v.city, locale),
            cell: (v) => (
              <>
                {pick(v.city, locale)}, {countryName(v.country, locale)}
              </>
            ),
          },
          {
            key: 'zone',
            header: t('venues.columns.zone'),
            cell: (v) => (
              <>
                {v.timeZone} <span className="zone">{offsetLabel(now, v.timeZone)}</span>
              </>
            ),
          },
          { key: 'kind', header: t('venues.columns.kind'), sortValue: (v) => t(`kinds.${v.kind}`), cell: (v) => t(`kinds.${v.kind}`) },
          {
            key: 'seats',
            header: t('venues.columns.seats'),
            numeric: true,
            sortValue: (v) => v.capacity ?? Number.MAX_SAFE_INTEGER,
            cell: (v) =>
              v.capacity === null ? t('venues.unlimited') : t('venues.seatsTaken', { confirmed: v.confirmedCount, capacity: v.capacity }),
          },
          {
            key: 'rooms',
            header: t('venues.columns.rooms'),
            cell: (v) =>
              v.rooms.length === 0 ? (
                <span className="muted">{t('venues.noRooms')}</span>
              ) : (
                v.rooms.map((r) => `${pick(r.name, locale)} (${r.capacity})`).join(' · ')
              ),
          },
          {
            key: 'sessions',
            header: t('venues.columns.sessions'),
            numeric: true,
            sortValue: (v) => v.sessionCount,
            cell: (v) => v.sessionCount,
          },
        ]}
      />
    </>
  );
}
