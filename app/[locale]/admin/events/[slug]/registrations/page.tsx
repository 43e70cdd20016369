import { getLocale, getTranslations } from 'next-intl/server';
import { RegistrationFilterForm } from '@/components/admin/registration-filters';
import { loadEventPage } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { registrationFilterOptions } from '@/lib/registration/admin/filter-options';
import { filtersKeepingValid } from '@/lib/registration/admin/filters';
import { listRegistrations, PAGE_SIZES, registrationPageSchema } from '@/lib/registration/admin/list';
import { withFilters } from '@/lib/registration/admin/query-string';
import { fieldErrors } from '@/lib/validation/field-errors';
import { localDate, localTime, offsetLabel } from '@/lib/time/zones';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Registrations', robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;

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
  const [t, locale] = await Promise.all([getTranslations('adminRegistrations'), getLocale() as Promise<Locale>]);

  // Bad input is named and ignored rather than turned into an error page.
  const { filters, problems: filterProblems } = filtersKeepingValid(query);
  const parsedPage = registrationPageSchema.safeParse(query);
  const problems = { ...filterProblems, ...(parsedPage.success ? {} : fieldErrors(parsedPage.error)) };
  const paging = parsedPage.success ? parsedPage.data : registrationPageSchema.parse({});

  const [list, options] = await loadEventPage(slug, path, ({ db, actor }) =>
    Promise.all([listRegistrations(db, actor, slug, filters, paging), registrationFilterOptions(db, actor, slug)]),
  );
  const zone = list.event.timeZone;
  const keep = { sort: paging.sort === 'newest' ? undefined : paging.sort, size: paging.size === 50 ? undefined : paging.size };

  return (
    <>
      <h2>{t('title')}</h2>
      {Object.entries(problems).map(([field, message]) => (
        <p key={field} className="notice bad" role="alert">
          {t('badFilter', { field, message })}
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
        <a className="button secondary" href={withFilters(`${path}/announce`, filters)}>
          {t('announce')}
        </a>
      </div>

      {list.rows.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="registrations">
            <thead>
              <tr>
                <th scope="col">{t('columns.name')}</th>
                <th scope="col">{t('columns.email')}</th>
                <th scope="col">{t('columns.organisation')}</th>
                <th scope="col">{t('columns.country')}</th>
                <th scope="col">{t('columns.type')}</th>
                <th scope="col">{t('columns.attendance')}</th>
                <th scope="col">{t('columns.status')}</th>
                <th scope="col">
                  {t('columns.registered')} <span className="zone">({zone})</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id} data-registration={r.id}>
                  <th scope="row">
                    <a href={`${path}/${r.id}`}>{r.name}</a>
                  </th>
                  <td>{r.email}</td>
                  <td>{r.organisation}</td>
                  <td>{r.country}</td>
                  <td>{t(`types.${r.participantType}`)}</td>
                  <td>{r.mode === 'online' ? t('online') : pick(r.venueCity, locale)}</td>
                  <td>
                    <span className={`badge ${r.status === 'waitlisted' ? 'wait' : r.status === 'cancelled' ? 'cancelled' : 'ok'}`}>
                      {t(`statuses.${r.status}`)}
                    </span>
                    {r.waitlistPosition !== null && (
                      <span className="muted"> {t('waitlistPosition', { position: r.waitlistPosition })}</span>
                    )}
                  </td>
                  <td>
                    <time dateTime={r.createdAt.toISOString()}>
                      {localDate(r.createdAt, zone)} {localTime(r.createdAt, zone)}
                    </time>{' '}
                    <span className="zone">{offsetLabel(r.createdAt, zone)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

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
