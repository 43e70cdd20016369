import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { CategoryForm } from '@/components/admin/category-form';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { formatDay, formatTimeWithZone, zonePlace } from '@/lib/format/datetime';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { listInvitationCodes } from '@/lib/registration/admin/categories/invitation-codes-admin';
import { categoryForEdit } from '@/lib/registration/admin/categories/list-categories';
import { categoryFormValues } from '@/lib/registration/admin/categories/save-category';
import { validationWords } from '@/lib/validation/server-words';
import { generateCodesAction, saveCategoryAction } from '../actions';
import { queryErrorField } from '@/lib/validation/query-error';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Attendee category', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['created']).optional().catch(undefined),
  made: z.coerce.number().int().min(0).max(500).optional().catch(undefined),
  codeField: z.enum(['count', 'maxUses', 'expiresAt']).optional().catch(undefined),
  codeError: queryErrorField,
});

export default async function CategoryPage(props: PageProps<{ slug: string; categoryId: string }>) {
  const { slug, categoryId, query } = await pageInput(props, querySchema);
  const base = `/admin/events/${slug}/categories`;
  if (!z.uuid().safeParse(categoryId).success) notFound();
  const loaded = await loadEventPage(slug, `${base}/${categoryId}`, async ({ db, actor }) => {
    const edit = await categoryForEdit(db, actor, slug, categoryId);
    return edit && { ...edit, codes: await listInvitationCodes(db, actor, slug, categoryId) };
  });
  if (!loaded) notFound();
  const [t, locale, words] = await Promise.all([getTranslations('adminCategories'), getLocale() as Promise<Locale>, validationWords()]);
  const { event, category, venues, codes } = loaded;
  const zone = event.timeZone;
  const place = zonePlace(zone);
  return (
    <section>
      <p>
        <a href={base}>← {t('back')}</a>
      </p>
      <h2 data-testid="category-title">
        {t('editTitle')}: {pick(category.name, locale)}
      </h2>
      {query.done === 'created' && (
        <p className="notice ok" role="status">
          {t('created')}
        </p>
      )}
      <CategoryForm
        eventSlug={slug}
        categoryId={category.id}
        defaults={categoryFormValues(category, zone)}
        venues={venues.map((v) => ({ id: v.id, label: pick(v.name, locale) }))}
        zoneLabel={place}
        confirmedCount={category.confirmedCount}
        action={saveCategoryAction}
      />

      <h3 id="codes">{t('codes.title')}</h3>
      <p className="muted">{t('codes.intro')}</p>
      {query.made !== undefined && (
        <p className="notice ok" role="status" data-testid="codes-made">
          {t('codes.made', { count: query.made })}
        </p>
      )}
      {query.codeError && (
        <p className="notice bad" role="alert">
          {query.codeField ? `${t(`codes.${query.codeField}`)}: ` : ''}
          {words(query.codeError)}
        </p>
      )}
      <form action={generateCodesAction.bind(null, slug, category.id)} className="card admin-filters" data-testid="codes-form">
        <div className="field">
          <label htmlFor="codes-count">{t('codes.count')}</label>
          <input id="codes-count" name="count" inputMode="numeric" defaultValue="10" required />
        </div>
        <div className="field">
          <label htmlFor="codes-uses">{t('codes.maxUses')}</label>
          <input id="codes-uses" name="maxUses" inputMode="numeric" defaultValue="1" required />
        </div>
        <div className="field">
          <label htmlFor="codes-expires">{t('codes.expiresAt', { zone: place })}</label>
          <input id="codes-expires" name="expiresAt" type="datetime-local" required />
        </div>
        <button className="button" type="submit">
          {t('codes.generate')}
        </button>
      </form>
      {codes.length > 0 && (
        <>
          <p>
            <a href={`${base}/${category.id}/codes.csv`} download>
              {t('codes.export')}
            </a>
          </p>
          <div className="table-scroll">
            <table data-testid="codes-table">
              <thead>
                <tr>
                  <th scope="col">{t('codes.code')}</th>
                  <th scope="col">{t('codes.used')}</th>
                  <th scope="col">{t('codes.expires')}</th>
                </tr>
              </thead>
              <tbody>
                {codes.map((c) => (
                  <tr key={c.code}>
                    <td>
                      <code>{c.code}</code>
                    </td>
                    <td>{t('codes.usedOf', { uses: c.uses, max: c.maxUses })}</td>
                    <td>
                      {formatDay(c.expiresAt, zone, locale)} {formatTimeWithZone(c.expiresAt, zone, place)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
