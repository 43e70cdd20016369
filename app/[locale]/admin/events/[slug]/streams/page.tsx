import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { grantNoticeSchema, listStreamGrants } from '@/lib/livestream/grants';
import { validationWords } from '@/lib/validation/server-words';
import { grantStreamAccessAction, revokeStreamAccessAction } from './actions';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Livestream access', robots: { index: false } };

const querySchema = z.object({
  saved: grantNoticeSchema.optional().catch(undefined),
  email: z.email().max(254).optional().catch(undefined),
  error: queryErrorField,
});

export default async function StreamAccessPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, querySchema);
  const [t, grants] = await Promise.all([
    getTranslations('adminStreams'),
    loadEventPage(slug, `/admin/events/${slug}/streams`, ({ db, actor }) => listStreamGrants(db, actor, slug)),
  ]);
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {query.saved && (
        <p className="notice ok" role="status">
          {query.saved === '1' || !query.email ? t('saved') : t(`notice.${query.saved}`, { email: query.email })}
        </p>
      )}
      {query.error && (
        <p className="notice bad" role="alert">
          {(await validationWords())(query.error)}
        </p>
      )}
      <form action={grantStreamAccessAction.bind(null, slug)} className="card admin-filters">
        <div className="field">
          <label htmlFor="grant-email">{t('email')}</label>
          <input id="grant-email" name="email" type="email" required maxLength={254} />
        </div>
        <button className="button" type="submit">
          {t('grant')}
        </button>
      </form>
      {grants.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul>
          {grants.map((grant) => (
            <li key={grant.email} data-grant={grant.email}>
              {grant.email} <span className="muted">{t('grantedBy', { who: grant.grantedBy ?? '—', when: grant.grantedAt })}</span>{' '}
              <form action={revokeStreamAccessAction.bind(null, slug, grant.email)} className="inline-form">
                <button className="button secondary" type="submit">
                  {t('revoke')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
