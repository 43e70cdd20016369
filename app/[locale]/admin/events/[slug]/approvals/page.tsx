import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { formatDay, formatTimeWithZone, zonePlace } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { listAwaitingApproval, listCategories } from '@/lib/registration/admin/categories/list-categories';
import { validationWords } from '@/lib/validation/server-words';
import { decideRegistrationsAction } from './actions';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Approvals', robots: { index: false } };

const count = z.coerce.number().int().min(0).max(500).optional().catch(undefined);
const querySchema = z.object({
  seated: count,
  inLine: count,
  rejected: count,
  skipped: count,
  error: queryErrorField,
});

export default async function ApprovalsPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, querySchema);
  const base = `/admin/events/${slug}`;
  const [t, locale, words, loaded] = await Promise.all([
    getTranslations('adminCategories'),
    getLocale() as Promise<Locale>,
    validationWords(),
    loadEventPage(slug, `${base}/approvals`, async ({ db, actor, event }) => ({
      event,
      pending: await listAwaitingApproval(db, actor, slug),
      categories: await listCategories(db, actor, slug),
    })),
  ]);
  const categoryName = new Map(loaded.categories.map((c) => [c.id, pick(c.name, locale)]));
  const zone = loaded.event.timeZone;
  const decided = query.seated !== undefined || query.rejected !== undefined;
  return (
    <section>
      <h2>{t('approvals.title')}</h2>
      <p className="muted">{t('approvals.intro')}</p>
      {decided && (
        <p className="notice ok" role="status" data-testid="decision-notice">
          {t('approvals.done', {
            seated: query.seated ?? 0,
            inLine: query.inLine ?? 0,
            rejected: query.rejected ?? 0,
            skipped: query.skipped ?? 0,
          })}
        </p>
      )}
      {query.error && (
        <p className="notice bad" role="alert">
          {words(query.error)}
        </p>
      )}
      {loaded.pending.length === 0 ? (
        <p data-testid="no-pending">{t('approvals.none')}</p>
      ) : (
        <form action={decideRegistrationsAction.bind(null, slug)} data-testid="approvals-form">
          <fieldset>
            <legend>{t('approvals.choose')}</legend>
            {loaded.pending.map((r) => (
              <label key={r.id} className="check" data-pending={r.id}>
                <input type="checkbox" name="ids" value={r.id} />
                <span>
                  <strong>{r.name}</strong> ({r.email}){r.organisation ? ` · ${r.organisation}` : ''}
                  <br />
                  <span className="muted">
                    {categoryName.get(r.categoryId) ?? ''} ·{' '}
                    {t('approvals.registered', {
                      when: `${formatDay(r.createdAt, zone, locale)} ${formatTimeWithZone(r.createdAt, zone, zonePlace(zone))}`,
                    })}{' '}
                    · <a href={`${base}/registrations/${r.id}`}>{t('approvals.details')}</a>
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="decision-message">{t('approvals.message')}</label>
            <textarea id="decision-message" name="message" rows={3} maxLength={1000} aria-describedby="decision-message-hint" />
            <span id="decision-message-hint" className="muted">
              {t('approvals.messageHint')}
            </span>
          </div>
          <button className="button" type="submit" name="decision" value="approve">
            {t('approvals.approve')}
          </button>{' '}
          <button className="button secondary" type="submit" name="decision" value="reject">
            {t('approvals.reject')}
          </button>
        </form>
      )}
    </section>
  );
}
