import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DataTable } from '@/components/admin/data-table';
import { OutcomeFiguresView } from '@/components/outcomes/outcome-figures';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { outcomeFigures } from '@/lib/outcomes/figures';
import { listOutcomes, OUTCOME_READERS } from '@/lib/outcomes/admin/list-outcomes';
import { tableSort, tableSortHref } from '@/lib/pagination/table-sort';
import { countryName } from '@/lib/registration/admin/country-name';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Outcomes', robots: { index: false } };

const querySchema = z.object({ done: z.enum(['deleted']).optional().catch(undefined) });

export default async function OutcomesAdminPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, querySchema);
  const sort = tableSort(await props.searchParams);
  const path = `/admin/events/${slug}/outcomes`;
  const list = await loadEventPage(slug, path, ({ db, actor }) => listOutcomes(db, actor, slug), [...OUTCOME_READERS]);
  const [t, te, locale] = await Promise.all([getTranslations('outcomes'), getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  return (
    <>
      <h2>{t('admin.title')}</h2>
      <p className="muted">{t('admin.intro')}</p>
      {query.done && (
        <p className="notice ok" role="status">
          {t('admin.deleted')}
        </p>
      )}
      <p className="actions">
        {list.canEdit && (
          <a className="button" href={`${path}/new`}>
            {t('admin.add')}
          </a>
        )}{' '}
        <a className="button secondary" href={`${path}/export.csv`} download>
          {t('admin.export')}
        </a>{' '}
        <a href={`/events/${slug}/outcomes`}>{t('admin.publicPage')}</a>
      </p>
      <OutcomeFiguresView figures={outcomeFigures(list.outcomes)} meetings={list.meetings} locale={locale} testId="outcome-figures" />
      <DataTable
        caption={t('admin.title')}
        testId="outcome-list"
        rows={list.outcomes}
        rowKey={(o) => o.id}
        rowData={(o) => ({ 'data-outcome': o.id })}
        empty={<p>{t('admin.none')}</p>}
        sort={{ current: sort, href: (next) => tableSortHref(path, next), locale }}
        columns={[
          {
            key: 'title',
            header: t('admin.columns.title'),
            sortValue: (o) => pick(o.title, locale),
            cell: (o) => (list.canEdit ? <a href={`${path}/${o.id}`}>{pick(o.title, locale)}</a> : pick(o.title, locale)),
          },
          { key: 'kind', header: t('admin.columns.kind'), sortValue: (o) => o.kind, cell: (o) => t(`kinds.${o.kind}`) },
          {
            key: 'parties',
            header: t('admin.columns.parties'),
            cell: (o) => o.parties.map((p) => `${p.name} (${countryName(p.country, locale)})`).join('; '),
          },
          { key: 'sector', header: t('admin.columns.sector'), sortValue: (o) => o.sector, cell: (o) => te(`sectors.${o.sector}`) },
          { key: 'signedOn', header: t('admin.columns.signedOn'), sortValue: (o) => o.signedOn, cell: (o) => o.signedOn },
          {
            key: 'public',
            header: t('admin.columns.public'),
            sortValue: (o) => (o.public ? 1 : 0),
            cell: (o) => <span data-testid="outcome-public">{o.public ? t('admin.isPublic') : t('admin.isPrivate')}</span>,
          },
        ]}
      />
    </>
  );
}
