import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable } from '@/components/admin/data-table';
import { READERS } from '@/lib/auth/authorize';
import { attendanceReport, sessionWhen } from '@/lib/checkin/attendance-report';
import { loadEventPage } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Attendance', robots: { index: false } };

/** Attendance per venue (checked in at the desk) and per session (scanned at the door), with the CSV of both. */
export default async function ReportsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const path = `/admin/events/${slug}/reports`;
  const report = await loadEventPage(slug, path, ({ db, actor }) => attendanceReport(db, actor, slug), READERS);
  const [t, locale] = await Promise.all([getTranslations('adminReports'), getLocale() as Promise<Locale>]);
  const venueById = new Map(report.venues.map((v) => [v.id, v]));
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <p>
        <a className="button" href={`${path}/attendance.csv`} download data-testid="attendance-csv">
          {t('download')}
        </a>
      </p>
      <h3>{t('venues')}</h3>
      <DataTable
        caption={t('venues')}
        testId="venue-attendance"
        rows={report.venues}
        rowKey={(v) => v.id}
        rowData={(v) => ({ 'data-venue': v.slug })}
        empty={<p>{t('none')}</p>}
        columns={[
          { key: 'venue', header: t('headers.venue'), rowHeader: true, cell: (v) => pick(v.name, locale) },
          { key: 'expected', header: t('headers.expected'), numeric: true, cell: (v) => v.expected },
          { key: 'count', header: t('headers.checkedIn'), numeric: true, cell: (v) => v.checkedIn },
        ]}
      />
      <h3>{t('sessions')}</h3>
      <DataTable
        caption={t('sessions')}
        testId="session-attendance"
        rows={report.sessions}
        rowKey={(s) => s.id}
        rowData={(s) => ({ 'data-session': s.id })}
        empty={<p>{t('none')}</p>}
        columns={[
          { key: 'session', header: t('headers.session'), rowHeader: true, cell: (s) => pick(s.title, locale) },
          { key: 'venue', header: t('headers.venue'), cell: (s) => pick(venueById.get(s.venueId)!.name, locale) },
          { key: 'when', header: t('headers.when'), cell: (s) => sessionWhen(s, venueById.get(s.venueId)!, locale) },
          { key: 'capacity', header: t('headers.capacity'), numeric: true, cell: (s) => s.capacity ?? t('noLimit') },
          { key: 'count', header: t('headers.attended'), numeric: true, cell: (s) => s.attended },
        ]}
      />
    </section>
  );
}
