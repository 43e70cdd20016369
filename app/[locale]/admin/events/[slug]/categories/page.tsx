import { getLocale, getTranslations } from 'next-intl/server';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { listCategories } from '@/lib/registration/admin/categories/list-categories';
import { z } from 'zod';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Attendee categories', robots: { index: false } };

export default async function CategoriesPage(props: PageProps<{ slug: string }>) {
  const { slug } = await pageInput(props, z.object({}));
  const base = `/admin/events/${slug}`;
  const [t, locale, categories] = await Promise.all([
    getTranslations('adminCategories'),
    getLocale() as Promise<Locale>,
    loadEventPage(slug, `${base}/categories`, ({ db, actor }) => listCategories(db, actor, slug)),
  ]);
  const awaiting = categories.reduce((n, c) => n + c.awaitingApproval, 0);
  return (
    <section>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <p>
        <a className="button" href={`${base}/categories/new`}>
          {t('new')}
        </a>{' '}
        <a href={`${base}/approvals`} data-testid="approvals-link">
          {t('awaitingLink', { count: awaiting })}
        </a>
      </p>
      {categories.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <ul className="plain-list">
          {categories.map((c) => (
            <li key={c.id} data-category={c.id} className="card">
              <a href={`${base}/categories/${c.id}`}>
                <strong>{pick(c.name, locale)}</strong>
              </a>
              <br />
              <span className="muted">
                {[
                  t(`visibilities.${c.visibility}`),
                  c.requiresApproval ? t('approvalRequired') : t('noApproval'),
                  c.capacity === null
                    ? t('heldNoLimit', { count: c.confirmedCount })
                    : t('held', { count: c.confirmedCount, capacity: c.capacity }),
                  t('waiting', { approval: c.awaitingApproval, line: c.inLine }),
                ].join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
