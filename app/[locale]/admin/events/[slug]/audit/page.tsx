import { DataTable } from '@/components/admin/data-table';
import { getLocale, getTranslations } from 'next-intl/server';
import { describeAudit, type AuditWords } from '@/lib/audit/describe-audit';
import type { Locale } from '@/lib/i18n/locales';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { auditQuerySchema, listAuditLog } from '@/lib/audit/list-audit';
import { eventTimestamp } from '@/lib/format/event-time';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Audit log', robots: { index: false } };

const ENTITIES = ['registration', 'session', 'agenda', 'outbox', 'venue', 'speaker', 'team'] as const;

export default async function AuditPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, auditQuerySchema);
  const path = `/admin/events/${slug}/audit`;
  const [t, locale, log] = await Promise.all([
    getTranslations('adminAudit'),
    getLocale() as Promise<Locale>,
    loadEventPage(slug, path, ({ db, actor }) => listAuditLog(db, actor, slug, query)),
  ]);
  const has = (key: string) => t.has(key as never);
  const words: AuditWords = {
    someone: t('someone'),
    online: t('online'),
    erased: t('erased'),
    field: (key) => (has(`fields.${key}`) ? t(`fields.${key}` as never) : key),
    conflict: (kind) => (has(`conflictKinds.${kind}`) ? t(`conflictKinds.${kind}` as never) : kind),
    change: (key, values) => t(`selfChange.${key}`, values),
  };
  const sentence = (row: (typeof log.rows)[number]) => {
    const { key, values } = describeAudit(row, locale, log.lookup, words);
    return t(`sentences.${key}` as never, values as never);
  };
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
          {
            key: 'action',
            header: t('action'),
            cell: (row) => (
              <>
                <span data-testid="audit-sentence">{sentence(row)}</span>
                <details className="muted">
                  <summary>{t('rawDetails')}</summary>
                  <code>
                    {row.action} {JSON.stringify(row.details)}
                  </code>
                </details>
              </>
            ),
          },
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
