import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { BarChart, ColumnChart } from '@/components/admin/bar-chart';
import { loadEventPage } from '@/lib/edge/page';
import { formatDay } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { countryName } from '@/lib/registration/admin/country-name';
import { registrationDashboard, withEmptyDays } from '@/lib/registration/admin/dashboard';
import { localTime, offsetLabel } from '@/lib/time/zones';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Event overview', robots: { index: false } };

export default async function EventOverviewPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const base = `/admin/events/${slug}`;
  const access = await loadEventPage(slug, base, async (access) => access, ['organiser', 'checkin']);
  // Check-in staff have one page here: theirs.
  if (!access.roles.includes('organiser')) redirect(`${base}/checkin`);
  const dashboard = await loadEventPage(slug, base, ({ db, actor }) => registrationDashboard(db, actor, slug));
  const [t, tr, locale] = await Promise.all([
    getTranslations('adminRegistrations.dashboard'),
    getTranslations('adminRegistrations'),
    getLocale() as Promise<Locale>,
  ]);
  const venueCity = new Map(dashboard.venues.map((v) => [v.slug, pick(v.city, locale)]));
  const chartText = (title: string, note?: string) => ({
    title,
    note,
    dataTable: t('dataTable'),
    labelHeading: t('label'),
    valueHeading: t('count'),
    empty: t('empty'),
  });
  const statusOrder = ['confirmed', 'waitlisted', 'checked_in', 'cancelled'] as const;
  const statusCount = new Map(dashboard.byStatus.map((s) => [s.key, s.count]));

  return (
    <>
      <h2>{t('totals')}</h2>
      <div className="admin-totals">
        {statusOrder.map((status) => (
          <a key={status} className="card" href={`${base}/registrations?status=${status}`} data-total={status}>
            <div className="muted">{tr(`statuses.${status}`)}</div>
            <div className="value">{statusCount.get(status) ?? 0}</div>
          </a>
        ))}
      </div>

      <h2>{t('perDay')}</h2>
      <ColumnChart
        id="per-day"
        rows={withEmptyDays(dashboard.perDay).map((d) => ({ label: d.key, value: d.count }))}
        text={chartText(t('perDay'), t('perDayNote', { zone: dashboard.event.timeZone }))}
      />

      <div className="admin-charts" style={{ marginTop: '1rem' }}>
        <BarChart
          id="by-venue"
          rows={dashboard.byVenue.map((v) => ({ label: venueCity.get(v.key) ?? v.key, value: v.count }))}
          text={chartText(t('byVenue'), t('activeNote'))}
        />
        <BarChart
          id="by-mode"
          rows={dashboard.byMode.map((m) => ({ label: tr(`modes.${m.key}`), value: m.count }))}
          text={chartText(t('byMode'), t('activeNote'))}
        />
        <BarChart
          id="by-country"
          rows={dashboard.byCountry.map((c) => ({ label: countryName(c.key, locale), value: c.count }))}
          text={chartText(t('byCountry'), t('activeNote'))}
        />
        <BarChart
          id="by-type"
          rows={dashboard.byParticipantType.map((p) => ({ label: tr(`types.${p.key}`), value: p.count }))}
          text={chartText(t('byType'), t('activeNote'))}
        />
      </div>

      <h2>{t('venueSeats')}</h2>
      <div className="admin-table-wrap">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('columns.venue')}</th>
              <th scope="col" className="num">
                {t('columns.capacity')}
              </th>
              <th scope="col" className="num">
                {t('columns.confirmed')}
              </th>
              <th scope="col" className="num">
                {t('columns.waitlisted')}
              </th>
              <th scope="col" className="num">
                {t('columns.left')}
              </th>
            </tr>
          </thead>
          <tbody>
            {dashboard.venues
              .filter((v) => v.kind !== 'online')
              .map((v) => (
                <tr key={v.id} data-venue={v.slug}>
                  <th scope="row">
                    <a href={`${base}/registrations?venue=${v.slug}`}>{pick(v.name, locale)}</a>
                  </th>
                  <td className="num">{v.capacity ?? t('unlimited')}</td>
                  <td className="num">{v.confirmed}</td>
                  <td className="num">{v.waitlisted}</td>
                  <td className="num">{v.capacity === null ? t('unlimited') : Math.max(0, v.capacity - v.confirmed)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>

      <h2>{t('sessionSeats')}</h2>
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="session-seats">
          <thead>
            <tr>
              <th scope="col">{t('columns.time')}</th>
              <th scope="col">{t('columns.session')}</th>
              <th scope="col" className="num">
                {t('columns.capacity')}
              </th>
              <th scope="col" className="num">
                {t('columns.confirmed')}
              </th>
              <th scope="col" className="num">
                {t('columns.waitlisted')}
              </th>
              <th scope="col" className="num">
                {t('columns.left')}
              </th>
              <th scope="col" className="num">
                {t('columns.chosen')}
              </th>
            </tr>
          </thead>
          <tbody>
            {dashboard.sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  {formatDay(s.startsAt, s.venueZone, locale)} {localTime(s.startsAt, s.venueZone)}{' '}
                  <span className="zone">{offsetLabel(s.startsAt, s.venueZone)}</span>
                </td>
                <th scope="row">
                  {pick(s.title, locale)} <span className="muted">· {pick(s.venueName, locale)}</span>
                  {s.status === 'cancelled' && <span className="badge cancelled"> {t('cancelled')}</span>}
                </th>
                <td className="num">{s.capacity ?? t('unlimited')}</td>
                <td className="num">{s.confirmed}</td>
                <td className="num">{s.waitlisted}</td>
                <td className="num">{s.capacity === null ? t('unlimited') : Math.max(0, s.capacity - s.confirmed)}</td>
                <td className="num">{s.chosen}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
