import { DataTable } from '@/components/admin/data-table';
import { getTranslations } from 'next-intl/server';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { appEnv } from '@/lib/config/env';
import { eventTimestamp } from '@/lib/format/event-time';
import { listEventOutbox, outboxQuerySchema } from '@/lib/mail-delivery/admin-outbox';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Mail', robots: { index: false } };

const STATUSES = ['queued', 'sending', 'retry', 'sent', 'failed'] as const;

export default async function MailPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, outboxQuerySchema);
  const path = `/admin/events/${slug}/mail`;
  const [t, list] = await Promise.all([
    getTranslations('adminMail'),
    loadEventPage(slug, path, ({ db, actor }) => listEventOutbox(db, actor, slug, query)),
  ]);
  const zone = list.event.timeZone;
  const href = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams(
      Object.entries({ status: query.status, q: query.q, ...extra }).filter((e): e is [string, string] => Boolean(e[1])),
    );
    return q.size ? `${path}?${q}` : path;
  };
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {!appEnv().smtpUrl && <p className="notice">{t('noSmtp')}</p>}
      <p>
        <a href={`/admin/events/${slug}/registrations/announce`}>{t('announce')}</a>
      </p>
      <nav aria-label={t('state')} className="admin-pager">
        <a href={href({ status: undefined, before: undefined })} aria-current={!query.status ? 'page' : undefined}>
          {t('all')}
        </a>
        {STATUSES.map((status) => (
          <a
            key={status}
            href={`${path}?status=${status}`}
            aria-current={query.status === status ? 'page' : undefined}
            data-testid={`mail-count-${status}`}
          >
            {t(`status.${status}`)} ({list.counts[status] ?? 0})
          </a>
        ))}
      </nav>
      <form action={path} className="admin-filters">
        {query.status && <input type="hidden" name="status" value={query.status} />}
        <div className="field">
          <label htmlFor="mail-q">{t('search')}</label>
          <input id="mail-q" name="q" defaultValue={query.q ?? ''} maxLength={200} />
        </div>
        <button className="button secondary" type="submit">
          {t('filter')}
        </button>
      </form>
      <DataTable
        caption={t('title')}
        rows={list.rows}
        rowKey={(row) => row.id}
        rowData={(row) => ({ 'data-mail-status': row.status })}
        empty={<p>{t('none')}</p>}
        columns={[
          { key: 'queuedAt', header: t('queuedAt'), cell: (row) => eventTimestamp(row.createdAt, zone) },
          {
            key: 'to',
            header: t('to'),
            cell: (row) => (
              <>
                {row.toName} &lt;{row.toAddress}&gt;
              </>
            ),
          },
          {
            key: 'subject',
            header: t('subject'),
            cell: (row) => (
              <>
                <a href={`${path}/${row.id}`}>{row.subject}</a>
                <br />
                <span className="muted">{row.kind}</span>
              </>
            ),
          },
          {
            key: 'state',
            header: t('state'),
            cell: (row) => (
              <>
                {t(`status.${row.status}`)}
                {row.status === 'retry' && <span className="muted"> · {eventTimestamp(row.nextAttemptAt, zone)}</span>}
              </>
            ),
          },
          { key: 'attempts', header: t('attempts'), numeric: true, cell: (row) => row.attempts },
          { key: 'reply', header: t('reply'), cell: (row) => <span className="muted">{row.smtpResponse ?? ''}</span> },
        ]}
      />
      <p className="admin-pager">
        {query.before && <a href={href({ before: undefined })}>{t('newest')}</a>}
        {list.next && <a href={href({ before: list.next })}>{t('older')}</a>}
      </p>
    </section>
  );
}
