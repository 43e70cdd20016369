import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/admin/data-table';
import { type PageProps, loadEventPage } from '@/lib/edge/page';
import { listExhibitors } from '@/lib/exhibition/admin/list-exhibitors';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { tableSort, tableSortHref } from '@/lib/pagination/table-sort';
import { countryName } from '@/lib/registration/admin/country-name';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Exhibitors', robots: { index: false } };

export default async function ExhibitorsPage(props: PageProps<{ slug: string }>) {
  const { slug } = await props.params;
  const sort = tableSort(await props.searchParams);
  const path = `/admin/events/${slug}/exhibitors`;
  const list = await loadEventPage(slug, path, ({ db, actor }) => listExhibitors(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  return (
    <>
      <h2>{t('admin.title')}</h2>
      <p className="muted">{t('admin.intro')}</p>
      <p>
        <a className="button" href={`${path}/new`}>
          {t('admin.add')}
        </a>
      </p>
      <DataTable
        caption={t('admin.title')}
        testId="exhibitor-list"
        rows={list.exhibitors}
        rowKey={(e) => e.id}
        rowData={(e) => ({ 'data-exhibitor': e.slug })}
        empty={<p>{t('admin.none')}</p>}
        sort={{ current: sort, href: (next) => tableSortHref(path, next), locale }}
        columns={[
          {
            key: 'name',
            header: t('admin.columns.name'),
            sortValue: (e) => pick(e.name, locale),
            cell: (e) => <a href={`${path}/${e.id}`}>{pick(e.name, locale)}</a>,
          },
          {
            key: 'country',
            header: t('admin.columns.country'),
            sortValue: (e) => countryName(e.country, locale),
            cell: (e) => countryName(e.country, locale),
          },
          {
            key: 'sectors',
            header: t('admin.columns.sectors'),
            cell: (e) => e.sectors.map((s) => t(`sectors.${s}`)).join(', '),
          },
          {
            key: 'booth',
            header: t('admin.columns.booth'),
            cell: (e) =>
              e.venueName
                ? t('directory.booth', { venue: pick(e.venueName, locale), hall: e.hall ?? '', booth: e.booth ?? '' })
                : t('directory.online'),
          },
          {
            key: 'status',
            header: t('admin.columns.status'),
            sortValue: (e) => e.status,
            cell: (e) => <span data-testid="exhibitor-status">{t(`admin.status.${e.status}`)}</span>,
          },
        ]}
      />
    </>
  );
}
