'use client';

import { useRouter } from 'next/navigation';
import { useMemo } from 'react';
import type { Resolver } from 'react-hook-form';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import type { Result } from '@/lib/errors/result';
import { htmlLang, languageName, locales } from '@/lib/i18n/locales';
import { type PlainMessages, plainTranslator } from '@/lib/i18n/plain-translator';
import type { OwnDetailsValues } from '@/lib/registration/change-details-schema';
import type { QuestionOnForm } from '@/lib/registration/questions/on-form';
import { validationTranslator } from '@/lib/validation/translate-validation';
import { QuestionFields } from './question-fields';
import { ClientForm } from '../forms/client-form';

type Props = {
  token: string;
  defaults: OwnDetailsValues;
  questions: QuestionOnForm[];
  countries: { code: string; name: string }[];
  action: (token: string, values: unknown) => Promise<Result>;
  /** The `manage` messages and the `validation` ones, passed in so the page loads no i18n runtime. */
  messages: PlainMessages;
  validationMessages: PlainMessages;
};

/** The details and the answers' schemas together, as the server checks them (loaded on first validation). */
function detailsResolver(questions: QuestionOnForm[]): Resolver<OwnDetailsValues> {
  return async (values, context, options) => {
    const [{ zodResolver }, { ownDetailsSchema }, { answersFieldSchema }] = await Promise.all([
      import('@hookform/resolvers/zod'),
      import('@/lib/registration/change-details-schema'),
      import('@/lib/registration/questions/answer-schema'),
    ]);
    const [base, answers] = await Promise.all([
      zodResolver(ownDetailsSchema)(values as never, context, options as never),
      zodResolver(answersFieldSchema(questions))(values as never, context, options as never),
    ]);
    const errors = { ...base.errors, ...answers.errors };
    if (Object.keys(errors).length) return { values: {}, errors } as never;
    return { values: { ...(base.values as object), ...(answers.values as object) }, errors: {} } as never;
  };
}

/** A registrant changes their name, organisation, mail language and answers. */
export function ManageDetailsForm({ token, defaults, questions, countries, action, messages, validationMessages }: Props) {
  const t = useMemo(() => plainTranslator(messages), [messages]);
  const words = useMemo(() => validationTranslator(validationMessages), [validationMessages]);
  const router = useRouter();
  const resolver = useMemo(() => detailsResolver(questions), [questions]);
  const { register, registerChoice, handleSubmit, watch, setError, formState } = useFilledForm<OwnDetailsValues>({
    resolver,
    defaultValues: defaults,
  });
  const { notice, clear, saved, refused } = useFormResult(setError);
  const errors = formState.errors;
  const message = (field: 'name' | 'organisation' | 'locale') => (errors[field]?.message ? words(errors[field]?.message) : undefined);
  const aria = (field: 'name' | 'organisation' | 'locale') => ({
    id: `details-${field}`,
    'aria-invalid': Boolean(errors[field]),
    'aria-describedby': `details-${field}-error`,
  });

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(token, values);
    if (result.ok) {
      saved(t('detailsSaved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('detailsFix'), other: () => t('detailsNotSaved') });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate className="card" data-testid="details-form">
      <FormNotice notice={notice} testId="details-notice" />
      <div className="field">
        <label htmlFor="details-name">{t('name')}</label>
        <input autoComplete="name" {...aria('name')} {...register('name')} />
        <span id="details-name-error" className="error" role={message('name') ? 'alert' : undefined}>
          {message('name') ?? ''}
        </span>
      </div>
      <div className="field">
        <label htmlFor="details-organisation">{t('organisation')}</label>
        <input autoComplete="organization" {...aria('organisation')} {...register('organisation')} />
        <span id="details-organisation-error" className="error" role={message('organisation') ? 'alert' : undefined}>
          {message('organisation') ?? ''}
        </span>
      </div>
      <div className="field">
        <label htmlFor="details-locale">{t('locale')}</label>
        <select {...aria('locale')} {...register('locale')}>
          {locales.map((code) => (
            <option key={code} value={code} lang={htmlLang(code)}>
              {languageName(code)}
            </option>
          ))}
        </select>
        <span id="details-locale-error" className="error" role={message('locale') ? 'alert' : undefined}>
          {message('locale') ?? ''}
        </span>
      </div>
      <QuestionFields
        questions={questions}
        register={register}
        registerChoice={registerChoice}
        watch={watch}
        error={(id) => {
          const error = (errors as { answers?: Record<string, { message?: string }> }).answers?.[id];
          return error?.message ? words(error.message) : undefined;
        }}
        countries={countries}
        words={{ yes: t('yes'), no: t('no'), choose: t('choose'), optional: t('optional') }}
      />
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {t('saveDetails')}
      </button>
    </ClientForm>
  );
}
