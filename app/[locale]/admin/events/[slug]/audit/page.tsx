import { DataTable } from '@/components/admin/data-table';
import { getTranslations } from 'next-intl/server';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { auditQuerySchema, listAuditLog } from '@/lib/audit/list-audit';
import { eventTimestamp } from '@/lib/format/event-time';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Audit log', robots: { index: false } };

const ENTITIES = ['registration', 'session', 'agenda', 'outbox', 'venue', 'speaker', 'team'] as const;

export default async function AuditPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, auditQuerySchema);
  const path = `/admin/events/${slug}/audit`;
  const [t, log] = await Promise.all([
    getTranslations('adminAudit'),
    loadEventPage(slug, path, ({ db, actor }) => listAuditLog(db, actor, slug, query)),
  ]);
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <nav className="admin-pager">
        <a href={path} aria-current={!query.entity ? 'page' : undefined}>
          {t('all')}
        </a>
        {ENTITIES.map((entity) => (
          <a key={entity} href={`${path}?entity=${entity}`} aria-current={query.entity === entity ? 'page' : undefined}>
            {t(`entities.${entity}`)}
          </a>
        ))}
      </nav>
      <DataTable
        caption={t('title')}
        rows={log.rows}
        rowKey={(row) => row.id}
        rowData={(row) => ({ 'data-action': row.action })}
        empty={<p>{t('none')}</p>}
        columns={[
          { key: 'at', header: t('at'), cell: (row) => eventTimestamp(row.at, log.event.timeZone) },
          { key: 'who', header: t('who'), cell: (row) => row.actorEmail ?? '—' },
          { key: 'action', header: t('action'), cell: (row) => <code>{row.action}</code> },
          { key: 'details', header: t('details'), cell: (row) => <code className="muted">{JSON.stringify(row.details)}</code> },
        ]}
      />
      {log.next && (
        <p>
          <a href={`${path}?${new URLSearchParams({ ...(query.entity ? { entity: query.entity } : {}), before: log.next })}`}>
            {t('older')}
          </a>
        </p>
      )}
    </section>
  );
}
