import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { type ConditionChoice, QuestionForm } from '@/components/admin/question-form';
import { loadEventPage, type PageProps, pageInput } from '@/lib/edge/page';
import type { Locale } from '@/lib/i18n/locales';
import { pick } from '@/lib/i18n/text';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { type ListedQuestion, listQuestions } from '@/lib/registration/questions/admin/list-questions';
import { CONDITION_KINDS } from '@/lib/registration/questions/definition';
import type { QuestionFormValues } from '@/lib/registration/questions/question-schema';
import { moveQuestionAction, retireQuestionAction, saveQuestionAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Registration questions', robots: { index: false } };

const querySchema = z.object({
  done: z.enum(['retired']).optional().catch(undefined),
  moved: z.uuid().optional().catch(undefined),
});

const NEW_QUESTION: QuestionFormValues = {
  kind: 'short_text',
  required: false,
  label: localizedFormValues(null),
  help: localizedFormValues(null),
  options: [],
  conditionQuestionId: '',
  conditionValues: [],
  categoryIds: [],
};

function formValues(question: ListedQuestion): QuestionFormValues {
  return {
    kind: question.kind,
    required: question.required,
    label: localizedFormValues(question.label),
    help: localizedFormValues(question.help),
    options: question.options.map((option) => ({
      id: option.id,
      label: localizedFormValues(option.label),
      retired: Boolean(option.retired),
    })),
    conditionQuestionId: question.conditionQuestionId ?? '',
    conditionValues: question.conditionValues ?? [],
    categoryIds: question.categoryIds ?? [],
  };
}

/** The organisers' own questions on the registration form: add, change, order, stop asking. */
export default async function QuestionsPage(props: PageProps<{ slug: string }>) {
  const { slug, query } = await pageInput(props, querySchema);
  const path = `/admin/events/${slug}/questions`;
  const list = await loadEventPage(slug, path, ({ db, actor }) => listQuestions(db, actor, slug));
  const [t, locale] = await Promise.all([getTranslations('adminQuestions'), getLocale() as Promise<Locale>]);
  const label = (question: ListedQuestion) => pick(question.label, locale);
  const conditions: ConditionChoice[] = list.asked
    .filter((q) => CONDITION_KINDS.includes(q.kind) && !q.conditionQuestionId)
    .map((q) => ({
      id: q.id,
      label: label(q),
      values:
        q.kind === 'yes_no'
          ? [
              { value: 'yes', label: t('yes') },
              { value: 'no', label: t('no') },
            ]
          : q.options.filter((o) => !o.retired).map((o) => ({ value: o.id, label: pick(o.label, locale) })),
    }));
  const byId = new Map(list.asked.map((q) => [q.id, q]));

  return (
    <>
      <h2>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      {query.done === 'retired' && (
        <p className="notice ok" role="status">
          {t('retiredDone')}
        </p>
      )}
      {list.asked.length === 0 && <p>{t('none')}</p>}
      <ol className="question-list" data-testid="question-list">
        {list.asked.map((question, index) => {
          const on = question.conditionQuestionId ? byId.get(question.conditionQuestionId) : undefined;
          return (
            <li key={question.id} id={`question-${question.id}`} className="card" data-question={question.id}>
              <h3 style={{ marginTop: 0 }}>{label(question)}</h3>
              <p className="muted">
                {t(`kinds.${question.kind}`)} · {question.required ? t('isRequired') : t('isOptional')} ·{' '}
                {t('answerCount', { count: question.answers })} · {t('version', { version: question.version })}
                {on && ` · ${t('shownWhen', { question: label(on) })}`}
              </p>
              <div className="actions" style={{ display: 'flex', gap: '.5rem', flexWrap: 'wrap' }}>
                <form action={moveQuestionAction.bind(null, slug, question.id, 'up')}>
                  <button
                    className="button secondary small"
                    type="submit"
                    disabled={index === 0}
                    aria-label={t('moveUp', { question: label(question) })}
                  >
                    ↑ {t('up')}
                  </button>
                </form>
                <form action={moveQuestionAction.bind(null, slug, question.id, 'down')}>
                  <button
                    className="button secondary small"
                    type="submit"
                    disabled={index === list.asked.length - 1}
                    aria-label={t('moveDown', { question: label(question) })}
                  >
                    ↓ {t('down')}
                  </button>
                </form>
                <form action={retireQuestionAction.bind(null, slug, question.id)}>
                  <button className="button danger small" type="submit" aria-label={t('retire', { question: label(question) })}>
                    {t('retireShort')}
                  </button>
                </form>
              </div>
              <details>
                <summary>{t('edit', { question: label(question) })}</summary>
                <QuestionForm
                  eventSlug={slug}
                  questionId={question.id}
                  defaults={formValues(question)}
                  conditions={conditions}
                  action={saveQuestionAction}
                />
              </details>
            </li>
          );
        })}
      </ol>
      <section className="card" aria-labelledby="add-question" style={{ marginTop: '1rem' }}>
        <h3 id="add-question" style={{ marginTop: 0 }}>
          {t('add')}
        </h3>
        <QuestionForm eventSlug={slug} questionId={null} defaults={NEW_QUESTION} conditions={conditions} action={saveQuestionAction} />
      </section>
      {list.retired.length > 0 && (
        <section aria-labelledby="retired-questions" style={{ marginTop: '1rem' }}>
          <h3 id="retired-questions">{t('retiredTitle')}</h3>
          <ul>
            {list.retired.map((question) => (
              <li key={question.id}>
                {label(question)} <span className="muted">({t('answerCount', { count: question.answers })})</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
