import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { OutcomeForm } from '@/components/admin/outcome-form';
import { countryOptions } from '@/lib/admin/form-options';
import { type PageProps, loadEventPage, pageInput } from '@/lib/edge/page';
import { pick } from '@/lib/i18n/text';
import type { Locale } from '@/lib/i18n/locales';
import { choiceLabels } from '@/lib/outcomes/admin/choice-labels';
import { outcomeForEdit } from '@/lib/outcomes/admin/list-outcomes';
import { deleteOutcomeAction, saveOutcomeAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Outcome', robots: { index: false } };

const querySchema = z.object({ done: z.enum(['created']).optional().catch(undefined) });

export default async function OutcomePage(props: PageProps<{ slug: string; outcomeId: string }>) {
  const { slug, outcomeId, query } = await pageInput(props, querySchema);
  const list = `/admin/events/${slug}/outcomes`;
  if (!z.uuid().safeParse(outcomeId).success) notFound();
  const edit = await loadEventPage(slug, `${list}/${outcomeId}`, ({ db, actor }) => outcomeForEdit(db, actor, slug, outcomeId));
  if (!edit.outcome || !edit.values) notFound();
  const [t, locale] = await Promise.all([getTranslations('outcomes'), getLocale() as Promise<Locale>]);
  const labels = choiceLabels({ sessions: edit.sessions ?? [], listings: edit.listings ?? [] }, locale);
  return (
    <>
      <p>
        <a href={list}>← {t('admin.back')}</a>
      </p>
      <h2 data-testid="outcome-title">
        {t('admin.editTitle')}: {pick(edit.outcome.title, locale)}
      </h2>
      {query.done && (
        <p className="notice ok" role="status">
          {t('admin.created')}
        </p>
      )}
      <OutcomeForm
        eventSlug={slug}
        outcomeId={edit.outcome.id}
        defaults={edit.values}
        countries={countryOptions(locale)}
        sessions={labels.sessions}
        listings={labels.listings}
        action={saveOutcomeAction}
      />
      <form action={deleteOutcomeAction.bind(null, slug, edit.outcome.id)} className="card">
        <p className="muted">{t('admin.deleteHint')}</p>
        <button className="button secondary" type="submit" data-testid="outcome-delete">
          {t('admin.delete')}
        </button>
      </form>
    </>
  );
}
