'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useFieldArray } from 'react-hook-form';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { FormNotice } from '@/components/forms/form-notice';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { localizedFormValues } from '@/lib/validation/localized-text-input';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import { QUESTION_KINDS } from '@/db/schema/question-kinds';
import type { Result } from '@/lib/errors/result';
import { type QuestionFormValues, type QuestionInput, questionInputSchema } from '@/lib/registration/questions/question-schema';
import { fieldAria, FormField } from './venue-field';
import { ClientForm } from '../forms/client-form';

/** A question another one may be shown on: its id, label and the values it can be answered with. */
export type ConditionChoice = { id: string; label: string; values: { value: string; label: string }[] };

type Props = {
  eventSlug: string;
  /** null to add a question. */
  questionId: string | null;
  defaults: QuestionFormValues;
  conditions: ConditionChoice[];
  action: (eventSlug: string, questionId: string | null, values: unknown) => Promise<Result<{ id: string }>>;
};

const FIELDS = ['kind', 'required', 'label', 'help', 'options', 'conditionQuestionId', 'conditionValues'] as const;
type Field = (typeof FIELDS)[number];
const WITH_OPTIONS = new Set(['single_choice', 'multiple_choice']);
const emptyOption = { id: '', label: localizedFormValues(null), retired: false };

/** Adds a question to the registration form, or edits one; several are on one page, so ids carry the question. */
export function QuestionForm({ eventSlug, questionId, defaults, conditions, action }: Props) {
  const t = useTranslations('adminQuestions');
  const words = useValidationText();
  const router = useRouter();
  const { register, registerChoice, handleSubmit, setError, reset, getValues, watch, control, formState } = useFilledForm<
    QuestionFormValues,
    unknown,
    QuestionInput
  >({
    resolver: zodResolver(questionInputSchema),
    defaultValues: defaults,
  });
  const options = useFieldArray({ control, name: 'options' });
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);
  const errors = formState.errors;
  const prefix = `question-${questionId ?? 'new'}`;
  const id = (field: string) => `${prefix}-${field}`;
  const message = (field: Field) =>
    words((errors[field]?.message as string | undefined) ?? (errors[field] as { root?: { message?: string } } | undefined)?.root?.message);
  const field = (name: Field) => ({ ...register(name), ...fieldAria(id(name), message(name)) });
  const kind = watch('kind');
  // A localised field: every offered language side by side, the empty ones marked (components/forms).
  const localized = (name: 'label' | 'help' | `options.${number}.label`, label: string, error: unknown, max: number) => (
    <LocalizedTextFields
      name={name}
      idPrefix={prefix}
      label={label}
      missingLabel={t('missingLanguage')}
      register={register}
      values={watch(name) as Record<string, string | undefined>}
      error={words(localizedFieldError(error))}
      maxLength={max}
    />
  );
  const conditionId = watch('conditionQuestionId');
  const condition = conditions.find((c) => c.id === conditionId && c.id !== questionId);
  // A choice question starts with two empty options; other kinds carry none (nothing hidden to fill in).
  const { append, replace } = options;
  const optionCount = options.fields.length;
  useEffect(() => {
    if (kind && WITH_OPTIONS.has(kind)) {
      if (optionCount === 0) append([emptyOption, emptyOption], { shouldFocus: false });
    } else if (optionCount > 0 && questionId === null) replace([]);
  }, [kind, optionCount, append, replace, questionId]);

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, questionId, values);
    if (result.ok) {
      reset(questionId ? getValues() : defaults);
      saved(questionId ? t('saved') : t('added'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('fixErrors'), other: (failure) => t('notSaved', { message: failure.error }) });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate data-testid={questionId ? `question-form-${questionId}` : 'question-form-new'}>
      <FormNotice notice={notice} />
      <div className="grid">
        {questionId ? (
          // Answers were given as this kind: it stays (a new question asks it another way).
          <p>
            <strong>{t('kind')}:</strong> {t(`kinds.${kind}`)}
            <input type="hidden" {...register('kind')} />
          </p>
        ) : (
          <FormField id={id('kind')} label={t('kind')} error={message('kind')}>
            <select {...field('kind')}>
              {QUESTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </select>
          </FormField>
        )}
      </div>
      {localized('label', t('label'), errors.label, 300)}
      {localized('help', t('help'), errors.help, 500)}
      <label className="check">
        <input type="checkbox" {...register('required')} /> {t('required')}
      </label>

      {kind && WITH_OPTIONS.has(kind) && (
        <fieldset aria-describedby={`${id('options')}-error`}>
          <legend>{t('options')}</legend>
          {options.fields.map((option, index) => (
            <div key={option.id} className="grid" data-testid="question-option">
              {localized(`options.${index}.label`, t('option', { n: index + 1 }), errors.options?.[index]?.label, 200)}
              {option.id && getValues(`options.${index}.id`) ? (
                <label className="check">
                  <input type="checkbox" {...register(`options.${index}.retired`)} /> {t('retireOption', { n: index + 1 })}
                </label>
              ) : (
                <button type="button" className="button secondary small" onClick={() => options.remove(index)}>
                  {t('removeOption', { n: index + 1 })}
                </button>
              )}
            </div>
          ))}
          <button type="button" className="button secondary small" onClick={() => options.append(emptyOption)}>
            {t('addOption')}
          </button>
          <span id={`${id('options')}-error`} className="error" role={message('options') ? 'alert' : undefined}>
            {message('options') ?? ''}
          </span>
        </fieldset>
      )}

      {conditions.some((c) => c.id !== questionId) && (
        <fieldset>
          <legend>{t('condition')}</legend>
          <FormField id={id('conditionQuestionId')} label={t('conditionOn')} error={message('conditionQuestionId')}>
            <select {...field('conditionQuestionId')}>
              <option value="">{t('always')}</option>
              {conditions
                .filter((c) => c.id !== questionId)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
            </select>
          </FormField>
          {condition && (
            <fieldset aria-describedby={`${id('conditionValues')}-error`}>
              <legend>{t('conditionValues')}</legend>
              {condition.values.map((v) => (
                <label key={v.value} className="check">
                  <input type="checkbox" {...registerChoice('conditionValues', v.value)} /> {v.label}
                </label>
              ))}
              <span id={`${id('conditionValues')}-error`} className="error" role={message('conditionValues') ? 'alert' : undefined}>
                {message('conditionValues') ?? ''}
              </span>
            </fieldset>
          )}
        </fieldset>
      )}
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('saving') : questionId ? t('save') : t('create')}
      </button>
    </ClientForm>
  );
}
