import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DataTable } from '@/components/admin/data-table';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { listListings } from '@/lib/exhibition/admin/list-listings';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { moderateListingAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Technology listings', robots: { index: false } };

const querySchema = z.object({ done: z.enum(['created', 'published', 'rejected']).optional().catch(undefined) });

export default async function ListingsPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, querySchema);
  const path = `/admin/events/${slug}/listings`;
  const list = await loadEventPage(slug, path, ({ db, actor }) => listListings(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  return (
    <>
      <h2>{t('listingsAdmin.title')}</h2>
      <p className="muted">{t('listingsAdmin.intro')}</p>
      {query.done && (
        <p className="notice ok" role="status">
          {t(`listingsAdmin.${query.done}`)}
        </p>
      )}
      <p>
        <a className="button" href={`${path}/new`}>
          {t('listingsAdmin.add')}
        </a>
      </p>
      <DataTable
        caption={t('listingsAdmin.title')}
        testId="listing-list"
        rows={list.listings}
        rowKey={(l) => l.id}
        rowData={(l) => ({ 'data-listing': l.title.en })}
        empty={<p>{t('listingsAdmin.none')}</p>}
        columns={[
          { key: 'title', header: t('listingsAdmin.columns.title'), cell: (l) => pick(l.title, locale) },
          {
            key: 'exhibitor',
            header: t('listingsAdmin.columns.exhibitor'),
            cell: (l) =>
              l.byAttendee ? (
                <span data-testid="listing-attendee">
                  {t('listingsAdmin.attendeeAuthor', { organisation: pick(l.authorName, locale) || '—', country: l.authorCountry })}
                </span>
              ) : (
                pick(l.authorName, locale)
              ),
          },
          { key: 'kind', header: t('listingsAdmin.columns.kind'), cell: (l) => t(`kinds.${l.kind}`) },
          { key: 'sector', header: t('listingsAdmin.columns.sector'), cell: (l) => t(`sectors.${l.sector}`) },
          { key: 'trl', header: t('listingsAdmin.columns.trl'), numeric: true, cell: (l) => l.trl },
          {
            key: 'status',
            header: t('listingsAdmin.columns.status'),
            cell: (l) => <span data-testid="listing-status">{t(`listingsAdmin.status.${l.status}`)}</span>,
          },
          {
            key: 'moderate',
            header: t('listingsAdmin.columns.moderate'),
            cell: (l) => (
              <>
                {l.status !== 'published' && (
                  <form
                    action={moderateListingAction.bind(null, slug, l.id, 'publish')}
                    style={{ display: 'inline-block', margin: '0 .25rem .25rem 0' }}
                  >
                    <button type="submit" className="button">
                      {t('listingsAdmin.publish')}
                    </button>
                  </form>
                )}
                {l.status !== 'rejected' && (
                  <form
                    action={moderateListingAction.bind(null, slug, l.id, 'reject')}
                    style={{ display: 'inline-block', margin: '0 .25rem .25rem 0' }}
                  >
                    <button type="submit" className="button secondary">
                      {t('listingsAdmin.reject')}
                    </button>
                  </form>
                )}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
