import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DataTable } from '@/components/admin/data-table';
import { loadEventPage, pageInput, type PageProps } from '@/lib/edge/page';
import { eventTimestamp } from '@/lib/format/event-time';
import { letterReference, listVisaLetters } from '@/lib/visa/letters';
import { decideVisaLetterAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Visa invitation letters', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['issue', 'refuse']).optional().catch(undefined),
  error: z.enum(['invalid', 'issued']).optional().catch(undefined),
});

/** The register of letter requests and issued letters, with passport details: organisers only, every reading audited. */
export default async function VisaLettersPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, querySchema);
  const path = `/admin/events/${slug}/visa-letters`;
  const { letters, event } = await loadEventPage(slug, path, async ({ db, actor, event }) => ({
    letters: await listVisaLetters(db, actor, slug),
    event,
  }));
  const t = await getTranslations('adminVisa');
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {query.done && (
        <p className="notice ok" role="status">
          {t(`done.${query.done}`)}
        </p>
      )}
      {query.error && (
        <p className="notice bad" role="alert">
          {t(`error.${query.error}`)}
        </p>
      )}
      <DataTable
        caption={t('title')}
        testId="visa-letters"
        rows={letters}
        rowKey={(l) => l.id}
        rowData={(l) => ({ 'data-status': l.status })}
        empty={<p>{t('none')}</p>}
        columns={[
          { key: 'name', header: t('headers.registrant'), rowHeader: true, cell: (l) => `${l.name} (${l.email})` },
          {
            key: 'passport',
            header: t('headers.passport'),
            cell: (l) =>
              l.passport
                ? `${l.passport.passportName} · ${l.passport.nationality} · ${l.passport.passportNumber} · ${l.passport.dateOfBirth} · ${l.passport.passportExpiry}`
                : t('unreadable'),
          },
          { key: 'requested', header: t('headers.requested'), cell: (l) => eventTimestamp(l.requestedAt, event.timeZone) },
          {
            key: 'status',
            header: t('headers.status'),
            cell: (l) =>
              l.status === 'issued' && l.referenceNumber !== null
                ? t('status.issued', { reference: letterReference(event.startsAt, l.referenceNumber) })
                : t(`status.${l.status as 'requested' | 'refused'}`),
          },
          {
            key: 'decide',
            header: t('headers.decide'),
            cell: (l) =>
              l.status === 'issued' ? null : (
                <form action={decideVisaLetterAction.bind(null, slug)}>
                  <input type="hidden" name="id" value={l.id} />
                  <button className="button small" type="submit" name="decision" value="issue">
                    {t('issue')}
                  </button>{' '}
                  {l.status === 'requested' && (
                    <button className="button small secondary" type="submit" name="decision" value="refuse">
                      {t('refuse')}
                    </button>
                  )}
                </form>
              ),
          },
        ]}
      />
    </section>
  );
}
