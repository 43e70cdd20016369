import { type Column, DataTable } from '@/components/admin/data-table';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { BarChart, ColumnChart } from '@/components/admin/bar-chart';
import { loadEventPage } from '@/lib/edge/page';
import { STAFF } from '@/lib/auth/authorize';
import { formatDay } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { eventLiveViewers } from '@/lib/live/viewer-dashboard';
import { countryName } from '@/lib/registration/admin/country-name';
import { dashboardPageSchema, registrationDashboard, SESSION_PAGE_SIZE, withEmptyDays } from '@/lib/registration/admin/dashboard';
import { localTime, offsetLabel } from '@/lib/time/zones';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Event overview', robots: { index: false } };

export default async function EventOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { sessions: sessionPage } = dashboardPageSchema.parse(await searchParams);
  const base = `/admin/events/${slug}`;
  const access = await loadEventPage(slug, base, async (access) => access, STAFF);
  // Check-in staff have one page here: theirs; a venue manager starts at their venue's agenda.
  if (!access.roles.includes('organiser') && !access.roles.includes('viewer'))
    redirect(access.roles.includes('venue_manager') ? `${base}/agenda` : `${base}/checkin`);
  const [dashboard, watching] = await loadEventPage(
    slug,
    base,
    ({ db, actor }) => Promise.all([registrationDashboard(db, actor, slug, { sessionPage }), eventLiveViewers(db, actor, slug)]),
    ['organiser', 'viewer'],
  );
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
  const statusOrder = ['confirmed', 'waitlisted', 'pending', 'checked_in', 'cancelled'] as const;
  const statusCount = new Map(dashboard.byStatus.map((s) => [s.key, s.count]));
  const sessions = dashboard.sessionPage;

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

      <h2>{t('watching')}</h2>
      <DataTable
        caption={t('watchingNote')}
        testId="live-viewers"
        rows={watching}
        rowKey={(w) => w.sessionId}
        rowData={(w) => ({ 'data-session': w.sessionId })}
        empty={<p>{t('noWatching')}</p>}
        columns={[
          { key: 'session', header: t('columns.session'), rowHeader: true, cell: (w) => pick(w.title, locale) },
          { key: 'viewers', header: t('columns.viewers'), numeric: true, cell: (w) => w.viewers },
        ]}
      />

      <h2>{t('venueSeats')}</h2>
      <DataTable
        caption={t('venueSeats')}
        rows={dashboard.venues.filter((v) => v.kind !== 'online')}
        rowKey={(v) => v.id}
        rowData={(v) => ({ 'data-venue': v.slug })}
        empty={<p>{t('noVenues')}</p>}
        columns={[
          {
            key: 'venue',
            header: t('columns.venue'),
            rowHeader: true,
            cell: (v) => <a href={`${base}/registrations?venue=${v.slug}`}>{pick(v.name, locale)}</a>,
          },
          ...seatColumns<(typeof dashboard.venues)[number]>(t),
        ]}
      />

      <h2 id="session-seats">{t('sessionSeats')}</h2>
      <DataTable
        caption={t('sessionSeats')}
        testId="session-seats"
        rows={dashboard.sessions}
        rowKey={(s) => s.id}
        empty={<p>{t('noSessions')}</p>}
        columns={[
          {
            key: 'time',
            header: t('columns.time'),
            cell: (s) => (
              <>
                {formatDay(s.startsAt, s.venueZone, locale)} {localTime(s.startsAt, s.venueZone)}{' '}
                <span className="zone">{offsetLabel(s.startsAt, s.venueZone)}</span>
              </>
            ),
          },
          {
            key: 'session',
            header: t('columns.session'),
            rowHeader: true,
            cell: (s) => (
              <>
                {pick(s.title, locale)} <span className="muted">· {pick(s.venueName, locale)}</span>
                {s.status === 'cancelled' && <span className="badge cancelled"> {t('cancelled')}</span>}
              </>
            ),
          },
          ...seatColumns<(typeof dashboard.sessions)[number]>(t),
          { key: 'chosen', header: t('columns.chosen'), numeric: true, cell: (s) => s.chosen },
        ]}
      />
      {sessions.total > SESSION_PAGE_SIZE && (
        <nav className="admin-pager" aria-label={t('sessionPages')} data-testid="session-pages">
          <span>
            {t('sessionRange', { first: sessions.first, last: sessions.first + dashboard.sessions.length - 1, total: sessions.total })}
          </span>
          {sessions.page > 1 && (
            <a rel="prev" href={`${base}?sessions=${sessions.page - 1}#session-seats`}>
              ← {t('earlierSessions')}
            </a>
          )}
          {sessions.page < sessions.pages && (
            <a rel="next" href={`${base}?sessions=${sessions.page + 1}#session-seats`}>
              {t('laterSessions')} →
            </a>
          )}
        </nav>
      )}
    </>
  );
}

/** Capacity, confirmed, waitlisted and seats left: the same four columns for venues and sessions. */
function seatColumns<Row extends { capacity: number | null; confirmed: number; waitlisted: number }>(
  t: (key: string) => string,
): Column<Row>[] {
  const unlimited = t('unlimited');
  return [
    { key: 'capacity', header: t('columns.capacity'), numeric: true, cell: (r) => r.capacity ?? unlimited },
    { key: 'confirmed', header: t('columns.confirmed'), numeric: true, cell: (r) => r.confirmed },
    { key: 'waitlisted', header: t('columns.waitlisted'), numeric: true, cell: (r) => r.waitlisted },
    {
      key: 'left',
      header: t('columns.left'),
      numeric: true,
      cell: (r) => (r.capacity === null ? unlimited : Math.max(0, r.capacity - r.confirmed)),
    },
  ];
}
