import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DataTable } from '@/components/admin/data-table';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { formatSpan } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { meetingsOverview } from '@/lib/meetings/admin/overview';
import { validationWords } from '@/lib/validation/server-words';
import { createMeetingSlotAction } from './actions';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';

/** A venue-local calendar day (YYYY-MM-DD) in the page's language; the date is already the venue's, so no zone shifts it. */
const formatDay = (day: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', month: 'short', day: 'numeric' }).format(
    new Date(`${day}T00:00:00Z`),
  );
export const metadata = { title: 'Meetings', robots: { index: false } };

const querySchema = z.object({
  done: z.literal('created').optional().catch(undefined),
  error: queryErrorField,
  field: z.string().max(40).optional().catch(undefined),
});

export default async function MeetingsAdminPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, querySchema);
  const path = `/admin/events/${slug}/meetings`;
  const view = await loadEventPage(slug, path, ({ db, actor }) => meetingsOverview(db, actor, slug));
  const [t, tm, tx, locale, words] = await Promise.all([
    getTranslations('meetings.admin'),
    getTranslations('meetings'),
    getTranslations('exhibition.sectors'),
    getLocale() as Promise<Locale>,
    validationWords(),
  ]);
  const slotById = new Map(view.slots.map((s) => [s.id, s]));
  const when = (id: string) => {
    const s = slotById.get(id)!;
    return formatSpan(s.startsAt, s.endsAt, s.zone, pick(s.venueCity, locale), locale);
  };
  const errorFor = (field: string) =>
    query.error && query.field === field ? (
      <span className="error" id={`slot-${field}-error`} data-testid={`error-${field}`}>
        {words(query.error)}
      </span>
    ) : null;
  const input = (field: string) => ({
    id: `slot-${field}`,
    name: field,
    'aria-invalid': query.field === field || undefined,
    'aria-describedby': query.field === field ? `slot-${field}-error` : undefined,
  });
  const { stats } = view;
  return (
    <>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {query.done && (
        <p className="notice ok" role="status">
          {t('created')}
        </p>
      )}
      {query.error && query.field === 'form' && (
        <p className="notice bad" role="alert">
          {words(query.error)}
        </p>
      )}

      <section className="card" aria-labelledby="stats-heading" data-testid="meeting-stats">
        <h3 id="stats-heading">{t('stats.title')}</h3>
        <p>
          {t('stats.requests')}:{' '}
          {(['pending', 'accepted', 'declined', 'cancelled'] as const).map((s) => `${tm(`status.${s}`)} ${stats.byStatus[s]}`).join(' · ')}
        </p>
        <p data-testid="table-utilisation">{t('stats.utilisation', { taken: stats.tablesTaken, tables: stats.tables })}</p>
        <p data-testid="meeting-outcomes">
          {t('stats.outcomes')}:{' '}
          {(['mou', 'follow-up', 'none'] as const).map((o) => `${tm(`outcome.${o}`)} ${stats.byOutcome[o]}`).join(' · ')}
        </p>
        {stats.countryPairs.length > 0 && (
          <p>
            {t('stats.pairs')}: {stats.countryPairs.map((p) => `${p.pair} ${p.count}`).join(' · ')}
          </p>
        )}
        {stats.byDay.length > 0 && (
          <p data-testid="meetings-by-day">
            {t('stats.byDay')}: {stats.byDay.map((d) => `${formatDay(d.day, locale)} ${d.count}`).join(' · ')}
          </p>
        )}
        {stats.byVenue.length > 0 && (
          <>
            <h4>{t('stats.byVenue')}</h4>
            <ul data-testid="meetings-by-venue">
              {stats.byVenue.map((v) => (
                <li key={v.venueId}>
                  {v.online
                    ? t('stats.venueOnline', { venue: pick(v.venueName, locale), meetings: v.meetings })
                    : t('stats.venueLine', {
                        venue: pick(v.venueName, locale),
                        meetings: v.meetings,
                        taken: v.tablesTaken,
                        tables: v.tables,
                      })}
                </li>
              ))}
            </ul>
          </>
        )}
        {stats.bySector.length > 0 && (
          <p data-testid="meetings-by-sector">
            {t('stats.bySector')}:{' '}
            {stats.bySector
              .map((s) => `${s.sector === 'unspecified' ? t('stats.unspecified') : tx(s.sector as never)} ${s.count}`)
              .join(' · ')}
          </p>
        )}
        <p>
          <a className="button secondary" href={`${path}/export.csv`} download>
            {t('export')}
          </a>
        </p>
      </section>

      <section className="card" aria-labelledby="moderation-heading" data-testid="exhibition-waiting">
        <h3 id="moderation-heading">{t('moderation.title')}</h3>
        <ul>
          <li>
            <a href={`/admin/events/${slug}/exhibitors`} data-testid="pending-exhibitors">
              {t('moderation.exhibitors', { count: view.toModerate.exhibitors })}
            </a>
          </li>
          <li>
            <a href={`/admin/events/${slug}/listings`} data-testid="pending-listings">
              {t('moderation.listings', { count: view.toModerate.listings })}
            </a>
          </li>
        </ul>
        <p>
          <a className="button secondary" href={`/admin/events/${slug}/exhibitors/export.csv`} download>
            {t('moderation.exportExhibitors')}
          </a>{' '}
          <a className="button secondary" href={`/admin/events/${slug}/listings/export.csv`} download>
            {t('moderation.exportListings')}
          </a>
        </p>
      </section>

      <h3>{t('slotsTitle')}</h3>
      <DataTable
        caption={t('slotsTitle')}
        testId="slot-list"
        rows={view.slots}
        rowKey={(s) => s.id}
        empty={<p>{t('noSlots')}</p>}
        columns={[
          { key: 'label', header: t('label'), cell: (s) => s.label },
          { key: 'venue', header: t('venue'), cell: (s) => pick(s.venueName, locale) },
          { key: 'time', header: t('time'), cell: (s) => when(s.id) },
          {
            key: 'used',
            header: t('used'),
            numeric: true,
            cell: (s) =>
              s.online ? '—' : `${s.tablesTaken} / ${s.tables} (${s.tables ? Math.round((100 * s.tablesTaken) / s.tables) : 0}%)`,
          },
        ]}
      />

      <section className="card" aria-labelledby="add-slot-heading">
        <h3 id="add-slot-heading">{t('addSlot')}</h3>
        <form action={createMeetingSlotAction.bind(null, slug)} data-testid="slot-form">
          <div className="field">
            <label htmlFor="slot-venueId">{t('venue')}</label>
            <select {...input('venueId')} defaultValue={view.venues[0]?.id ?? ''}>
              {view.venues.map((v) => (
                <option key={v.id} value={v.id}>
                  {pick(v.name, locale)}
                </option>
              ))}
            </select>
            {errorFor('venueId')}
          </div>
          <div className="field">
            <label htmlFor="slot-label">{t('label')}</label>
            <input {...input('label')} maxLength={80} />
            {errorFor('label')}
          </div>
          <div className="field">
            <label htmlFor="slot-date">{t('date')}</label>
            <input {...input('date')} type="date" />
            {errorFor('date')}
          </div>
          <p className="muted">
            {t('clockHint')} {t('onlineVenueHint')}
          </p>
          <div className="field">
            <label htmlFor="slot-start">{t('start')}</label>
            <input {...input('start')} type="time" />
            {errorFor('start')}
          </div>
          <div className="field">
            <label htmlFor="slot-end">{t('end')}</label>
            <input {...input('end')} type="time" />
            {errorFor('end')}
          </div>
          <div className="field">
            <label htmlFor="slot-tables">{t('tables')}</label>
            <input {...input('tables')} inputMode="numeric" />
            {errorFor('tables')}
          </div>
          <button type="submit" className="button">
            {t('create')}
          </button>
        </form>
      </section>

      <h3>{t('meetingsTitle')}</h3>
      <DataTable
        caption={t('meetingsTitle')}
        testId="meeting-list"
        rows={view.meetings}
        rowKey={(m) => m.id}
        empty={<p>{t('noMeetings')}</p>}
        columns={[
          { key: 'time', header: t('time'), cell: (m) => `${slotById.get(m.slotId)?.label ?? ''} · ${when(m.slotId)}` },
          { key: 'requester', header: t('requester'), cell: (m) => `${m.requester.name} (${m.requester.country})` },
          { key: 'invitee', header: t('invitee'), cell: (m) => `${m.invitee.name} (${m.invitee.country})` },
          { key: 'status', header: t('status'), cell: (m) => tm(`status.${m.status}`) },
          { key: 'mode', header: t('mode'), cell: (m) => (m.online ? t('online') : t('onSite')) },
          { key: 'table', header: t('tableNo'), numeric: true, cell: (m) => m.tableNo ?? '—' },
          { key: 'outcome', header: t('outcome'), cell: (m) => (m.outcome ? tm(`outcome.${m.outcome}`) : '—') },
        ]}
      />
    </>
  );
}
