'use client';

import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import type { Resolver } from 'react-hook-form';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { QuestionFields } from '@/components/registration/question-fields';
import type { Result } from '@/lib/errors/result';
import { htmlLang, languageName, locales } from '@/lib/i18n/locales';
import { type PlainMessages, plainTranslator } from '@/lib/i18n/plain-translator';
import type { OrganiserEditValues } from '@/lib/registration/admin/edit-registration-schema';
import { PARTICIPANT_TYPES } from '@/lib/registration/choices-lists';
import type { QuestionOnForm } from '@/lib/registration/questions/on-form';
import { validationTranslator } from '@/lib/validation/translate-validation';
import { ClientForm } from '../forms/client-form';

type Props = {
  slug: string;
  id: string;
  defaults: OrganiserEditValues;
  questions: QuestionOnForm[];
  countries: { code: string; name: string }[];
  categories: { id: string; name: string }[];
  action: (slug: string, id: string, values: unknown) => Promise<Result>;
  /** `adminRegistrations.detail.edit` and `adminRegistrations.types`, and the `validation` messages. */
  messages: PlainMessages;
  validationMessages: PlainMessages;
};

type Field = 'name' | 'email' | 'organisation' | 'jobTitle' | 'country' | 'participantType' | 'needs' | 'locale' | 'category';

/** The details' and the answers' schemas together, as the server checks them (the answers for the category chosen). */
function editResolver(questions: QuestionOnForm[]): Resolver<OrganiserEditValues> {
  return async (values, context, options) => {
    const [{ zodResolver }, { organiserEditSchema }, { answersFieldSchema }] = await Promise.all([
      import('@hookform/resolvers/zod'),
      import('@/lib/registration/admin/edit-registration-schema'),
      import('@/lib/registration/questions/answer-schema'),
    ]);
    const [base, answers] = await Promise.all([
      zodResolver(organiserEditSchema)(values as never, context, options as never),
      zodResolver(answersFieldSchema(questions, { categoryId: values.category || null }))(values as never, context, options as never),
    ]);
    const errors = { ...base.errors, ...answers.errors };
    if (Object.keys(errors).length) return { values: {}, errors } as never;
    return { values: { ...(base.values as object), ...(answers.values as object) }, errors: {} } as never;
  };
}

/** An organiser changes any of a registration's details, its category and its answers. */
export function RegistrationEditForm({
  slug,
  id,
  defaults,
  questions,
  countries,
  categories,
  action,
  messages,
  validationMessages,
}: Props) {
  const t = useMemo(() => plainTranslator(messages), [messages]);
  const words = useMemo(() => validationTranslator(validationMessages), [validationMessages]);
  const router = useRouter();
  const resolver = useMemo(() => editResolver(questions), [questions]);
  const { register, registerChoice, handleSubmit, watch, setError, formState } = useFilledForm<OrganiserEditValues>({
    resolver,
    defaultValues: defaults,
  });
  const { notice, clear, saved, refused } = useFormResult(setError);
  const errors = formState.errors;
  const message = (field: Field) => (errors[field]?.message ? words(errors[field]?.message) : undefined);
  const aria = (field: Field) => ({
    id: `edit-${field}`,
    'aria-invalid': Boolean(errors[field]),
    'aria-describedby': `edit-${field}-error`,
  });
  const error = (field: Field) => (
    <span id={`edit-${field}-error`} className="error" role={message(field) ? 'alert' : undefined}>
      {message(field) ?? ''}
    </span>
  );
  const category = watch('category');

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(slug, id, values);
    if (result.ok) {
      saved(t('edit.saved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('edit.fix'), other: () => t('edit.notSaved') });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate className="card" data-testid="registration-edit-form">
      <h4 style={{ marginTop: 0 }}>{t('edit.title')}</h4>
      <p className="muted">{t('edit.hint')}</p>
      <FormNotice notice={notice} testId="registration-edit-notice" />
      <div className="field">
        <label htmlFor="edit-name">{t('edit.name')}</label>
        <input autoComplete="off" {...aria('name')} {...register('name')} />
        {error('name')}
      </div>
      <div className="field">
        <label htmlFor="edit-email">{t('edit.email')}</label>
        <input type="email" autoComplete="off" {...aria('email')} {...register('email')} />
        {error('email')}
      </div>
      <div className="field">
        <label htmlFor="edit-organisation">{t('edit.organisation')}</label>
        <input autoComplete="off" {...aria('organisation')} {...register('organisation')} />
        {error('organisation')}
      </div>
      <div className="field">
        <label htmlFor="edit-jobTitle">{t('edit.jobTitle')}</label>
        <input autoComplete="off" {...aria('jobTitle')} {...register('jobTitle')} />
        {error('jobTitle')}
      </div>
      <div className="field">
        <label htmlFor="edit-country">{t('edit.country')}</label>
        <select {...aria('country')} {...register('country')}>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {error('country')}
      </div>
      <div className="field">
        <label htmlFor="edit-participantType">{t('edit.participantType')}</label>
        <select {...aria('participantType')} {...register('participantType')}>
          {PARTICIPANT_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
        {error('participantType')}
      </div>
      {categories.length > 0 && (
        <div className="field">
          <label htmlFor="edit-category">{t('edit.category')}</label>
          <select {...aria('category')} {...register('category')}>
            <option value="">{t('edit.noCategory')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
          {error('category')}
        </div>
      )}
      <div className="field">
        <label htmlFor="edit-needs">{t('edit.needs')}</label>
        <textarea rows={3} {...aria('needs')} {...register('needs')} />
        {error('needs')}
      </div>
      <div className="field">
        <label htmlFor="edit-locale">{t('edit.locale')}</label>
        <select {...aria('locale')} {...register('locale')}>
          {locales.map((code) => (
            <option key={code} value={code} lang={htmlLang(code)}>
              {languageName(code)}
            </option>
          ))}
        </select>
        {error('locale')}
      </div>
      <QuestionFields
        questions={questions}
        register={register}
        registerChoice={registerChoice}
        watch={watch}
        categoryId={category || null}
        error={(questionId) => {
          const answerError = (errors as { answers?: Record<string, { message?: string }> }).answers?.[questionId];
          return answerError?.message ? words(answerError.message) : undefined;
        }}
        countries={countries}
        words={{ yes: t('edit.yes'), no: t('edit.no'), choose: t('edit.choose'), optional: t('edit.optional') }}
      />
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {t('edit.save')}
      </button>
    </ClientForm>
  );
}
