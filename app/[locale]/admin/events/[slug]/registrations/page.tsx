import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/admin/data-table';
import { RegistrationFilterForm } from '@/components/admin/registration-filters';
import { loadEventPage } from '@/lib/edge/page';
import { READERS } from '@/lib/auth/authorize';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { registrationFilterOptions } from '@/lib/registration/admin/filter-options';
import { filterLabelKey, filtersKeepingValid } from '@/lib/registration/admin/filters';
import { listRegistrations, PAGE_SIZES, registrationPageSchema } from '@/lib/registration/admin/list';
import { withFilters } from '@/lib/registration/admin/query-string';
import { fieldErrors } from '@/lib/validation/field-errors';
import { validationWords } from '@/lib/validation/server-words';
import { localDate, localTime, offsetLabel } from '@/lib/time/zones';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Registrations', robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;

const withPassport = (href: string) => `${href}${href.includes('?') ? '&' : '?'}passport=1`;

export default async function RegistrationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const path = `/admin/events/${slug}/registrations`;
  const [t, locale, words] = await Promise.all([getTranslations('adminRegistrations'), getLocale() as Promise<Locale>, validationWords()]);

  // Bad input is named and ignored rather than turned into an error page.
  const { filters, problems: filterProblems } = filtersKeepingValid(query);
  const parsedPage = registrationPageSchema.safeParse(query);
  const problems = { ...filterProblems, ...(parsedPage.success ? {} : fieldErrors(parsedPage.error)) };
  const paging = parsedPage.success ? parsedPage.data : registrationPageSchema.parse({});

  const [list, options, organiser] = await loadEventPage(
    slug,
    path,
    ({ db, actor, roles }) =>
      Promise.all([
        listRegistrations(db, actor, slug, filters, paging),
        registrationFilterOptions(db, actor, slug),
        roles.includes('organiser'),
      ]),
    READERS,
  );
  const zone = list.event.timeZone;
  const keep = { sort: paging.sort === 'newest' ? undefined : paging.sort, size: paging.size === 50 ? undefined : paging.size };

  return (
    <>
      <h2>{t('title')}</h2>
      {Object.entries(problems).map(([field, message]) => (
        <p key={field} className="notice bad" role="alert">
          {t('badFilter', { field: t(filterLabelKey(field)), message: words(message) })}
        </p>
      ))}
      <RegistrationFilterForm action={path} filters={filters} options={options}>
        <div className="field">
          <label htmlFor="f-sort">{t('sort')}</label>
          <select id="f-sort" name="sort" defaultValue={paging.sort}>
            <option value="newest">{t('sorts.newest')}</option>
            <option value="oldest">{t('sorts.oldest')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-size">{t('pageSize')}</label>
          <select id="f-size" name="size" defaultValue={String(paging.size)}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
      </RegistrationFilterForm>

      <div className="admin-pager">
        <strong data-testid="registration-total">{t('total', { count: list.total })}</strong>
        <a className="button secondary" href={withFilters(`${path}/export.csv`, filters)} download>
          {t('exportCsv')}
        </a>
        {organiser && (
          // Passport details leave only when chosen, and only for organisers (lib/visa/passport-export.ts).
          <a className="button secondary" href={withPassport(withFilters(`${path}/export.csv`, filters))} download>
            {t('exportCsvPassport')}
          </a>
        )}
        {organiser && (
          <a className="button secondary" href={withFilters(`${path}/announce`, filters)}>
            {t('announce')}
          </a>
        )}
      </div>

      <DataTable
        caption={t('title')}
        testId="registrations"
        rows={list.rows}
        rowKey={(r) => r.id}
        rowData={(r) => ({ 'data-registration': r.id })}
        empty={<p>{t('none')}</p>}
        // The list is paged in the database, so the order is the query's (newest or oldest first).
        sort={{
          current: { by: 'registered', dir: paging.sort === 'newest' ? 'desc' : 'asc' },
          href: (next) => withFilters(path, filters, { ...keep, sort: next.dir === 'asc' ? 'oldest' : undefined }),
          locale,
        }}
        columns={[
          {
            key: 'name',
            header: t('columns.name'),
            rowHeader: true,
            cell: (r) => <a href={`${path}/${r.id}`}>{r.name || t('erasedName')}</a>,
          },
          { key: 'email', header: t('columns.email'), cell: (r) => r.email },
          { key: 'organisation', header: t('columns.organisation'), cell: (r) => r.organisation },
          { key: 'country', header: t('columns.country'), cell: (r) => r.country },
          { key: 'type', header: t('columns.type'), cell: (r) => t(`types.${r.participantType}`) },
          ...(options.categories.length > 0
            ? [
                {
                  key: 'category',
                  header: t('columns.category'),
                  cell: (r: (typeof list.rows)[number]) =>
                    r.category ? pick(r.category, locale) : <span className="muted">{t('noCategory')}</span>,
                },
              ]
            : []),
          ...(options.delegations.length > 0
            ? [
                {
                  key: 'delegation',
                  header: t('columns.delegation'),
                  cell: (r: (typeof list.rows)[number]) =>
                    r.delegation ? (
                      <>
                        {r.delegation}
                        {r.delegationHead && <span className="muted"> {t('delegationHead')}</span>}
                      </>
                    ) : (
                      <span className="muted">{t('noDelegation')}</span>
                    ),
                },
              ]
            : []),
          {
            key: 'attendance',
            header: t('columns.attendance'),
            cell: (r) => (r.mode === 'online' ? t('online') : pick(r.venueCity, locale)),
          },
          {
            key: 'status',
            header: t('columns.status'),
            cell: (r) => (
              <>
                <span className={`badge ${r.status === 'waitlisted' ? 'wait' : r.status === 'cancelled' ? 'cancelled' : 'ok'}`}>
                  {t(`statuses.${r.status}`)}
                </span>
                {r.waitlistPosition !== null && <span className="muted"> {t('waitlistPosition', { position: r.waitlistPosition })}</span>}
              </>
            ),
          },
          {
            key: 'registered',
            header: (
              <>
                {t('columns.registered')} <span className="zone">({zone})</span>
              </>
            ),
            sortedByServer: true,
            cell: (r) => (
              <>
                {/* One text child: React marks the joins between several with comments, per row. */}
                <time dateTime={r.createdAt.toISOString()}>{`${localDate(r.createdAt, zone)} ${localTime(r.createdAt, zone)}`}</time>{' '}
                <span className="zone">{offsetLabel(r.createdAt, zone)}</span>
              </>
            ),
          },
        ]}
      />

      <nav className="admin-pager" aria-label={t('pagination')}>
        {list.previous && (
          <>
            <a href={withFilters(path, filters, keep)}>{t('first')}</a>
            <a rel="prev" href={withFilters(path, filters, { ...keep, before: list.previous })}>
              ← {t('previous')}
            </a>
          </>
        )}
        {list.next && (
          <a rel="next" href={withFilters(path, filters, { ...keep, after: list.next })}>
            {t('next')} →
          </a>
        )}
      </nav>
    </>
  );
}
