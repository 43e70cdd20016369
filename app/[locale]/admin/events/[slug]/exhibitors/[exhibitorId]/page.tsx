import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ExhibitorForm } from '@/components/admin/exhibitor-form';
import { countryOptions } from '@/lib/admin/form-options';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { exhibitorForEdit } from '@/lib/exhibition/admin/list-exhibitors';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { approveExhibitorAction, saveExhibitorAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Exhibitor', robots: { index: false } };

const querySchema = z.object({ done: z.enum(['created', 'approved']).optional().catch(undefined) });

export default async function ExhibitorPage(props: PageProps<{ slug: string; exhibitorId: string }>) {
  const { slug, exhibitorId, query } = await pageInput(props, querySchema);
  const list = `/admin/events/${slug}/exhibitors`;
  if (!z.uuid().safeParse(exhibitorId).success) notFound();
  const edit = await loadEventPage(slug, `${list}/${exhibitorId}`, ({ db, actor }) => exhibitorForEdit(db, actor, slug, exhibitorId));
  if (!edit.exhibitor || !edit.values) notFound();
  const [t, locale] = await Promise.all([getTranslations('exhibition'), getLocale() as Promise<Locale>]);
  const approved = edit.exhibitor.status === 'approved';
  return (
    <>
      <p>
        <a href={list}>← {t('admin.back')}</a>
      </p>
      <h2 data-testid="exhibitor-title">
        {t('admin.editTitle')}: {pick(edit.exhibitor.name, locale)}
      </h2>
      {query.done && (
        <p className="notice ok" role="status">
          {t(query.done === 'created' ? 'admin.created' : 'admin.approved')}
        </p>
      )}
      <p data-testid="exhibitor-status">
        {t(`admin.status.${edit.exhibitor.status}`)}
        {approved && (
          <>
            {' · '}
            <a href={`/events/${slug}/exhibitors/${edit.exhibitor.slug}`}>{t('admin.publicPage')}</a>
          </>
        )}
      </p>
      {!approved && (
        <form action={approveExhibitorAction.bind(null, slug, edit.exhibitor.id)}>
          <button className="button" type="submit">
            {t('admin.approve')}
          </button>
        </form>
      )}
      <ExhibitorForm
        eventSlug={slug}
        exhibitorId={edit.exhibitor.id}
        defaults={edit.values}
        countries={countryOptions(locale)}
        venues={(edit.venues ?? []).map((v) => ({ id: v.id, name: pick(v.name, locale) }))}
        action={saveExhibitorAction}
      />
    </>
  );
}
