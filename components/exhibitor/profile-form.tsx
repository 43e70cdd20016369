'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { SECTORS } from '@/db/schema/exhibition';
import type { CountryOption } from '@/lib/admin/form-options';
import type { Saved } from '@/lib/admin/saved';
import { exhibitorProfileSchema, type ExhibitorProfile, type ExhibitorProfileValues } from '@/lib/exhibition/admin/exhibitor-schema';
import { FormNotice } from '@/components/forms/form-notice';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import { CountryOptions } from '@/components/admin/select-options';
import { FormField, fieldAria } from '@/components/admin/venue-field';

type Props = {
  defaults: ExhibitorProfileValues;
  countries: CountryOption[];
  /** The save, bound on the page to the exhibitor. */
  action: (values: unknown) => Promise<Saved>;
};

const FIELDS = ['name', 'description', 'country', 'sectors', 'website', 'contactName', 'contactEmail', 'contactPhone'] as const;
type Field = (typeof FIELDS)[number];

/** The exhibitor portal's profile form: the organisers' exhibitor form without the address and booth they assign. */
export function ExhibitorProfileForm({ defaults, countries, action }: Props) {
  const t = useTranslations('exhibition');
  const words = useValidationText();
  const router = useRouter();
  const { register, handleSubmit, setError, getValues, reset, watch, formState } = useForm<
    ExhibitorProfileValues,
    unknown,
    ExhibitorProfile
  >({ resolver: zodResolver(exhibitorProfileSchema), defaultValues: defaults });
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);
  const errors = formState.errors;
  const id = (field: Field) => `exhibitor-${field}`;
  const message = (field: Field) => words(errors[field]?.message as string | undefined);
  const field = (name: Exclude<Field, 'sectors' | 'name' | 'description'>, hasHint = false) => ({
    ...register(name),
    ...fieldAria(id(name), message(name), hasHint),
  });
  const localized = (name: 'name' | 'description', max: number, multiline = false) => (
    <LocalizedTextFields
      name={name}
      idPrefix="exhibitor"
      label={t(`admin.form.${name}`)}
      missingLabel={t('admin.form.missingLanguage')}
      register={register}
      values={watch(name) as Record<string, string | undefined>}
      error={words(localizedFieldError(errors[name]))}
      maxLength={max}
      multiline={multiline}
    />
  );

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(values);
    if (result.ok) {
      reset(getValues());
      saved(t('portal.profileSaved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('admin.form.fixErrors'), other: (failure) => t('admin.form.notSaved', { message: failure.error }) });
  });

  const sectorsError = message('sectors');
  return (
    <form onSubmit={onSubmit} noValidate data-testid="exhibitor-profile-form" className="card">
      <FormNotice notice={notice} testId="exhibitor-notice" />
      {localized('name', 200)}
      <div className="grid">
        <FormField id={id('country')} label={t('admin.form.country')} error={message('country')}>
          <select {...field('country')}>
            <option value="">{t('admin.form.chooseCountry')}</option>
            <CountryOptions countries={countries} />
          </select>
        </FormField>
        <FormField id={id('website')} label={t('admin.form.website')} hint={t('admin.form.websiteHint')} error={message('website')}>
          <input {...field('website', true)} type="url" inputMode="url" autoComplete="off" />
        </FormField>
      </div>
      <fieldset aria-describedby={`${id('sectors')}-error`}>
        <legend>{t('admin.form.sectors')}</legend>
        {SECTORS.map((sector) => (
          <label key={sector} className="checkbox">
            <input type="checkbox" value={sector} {...register('sectors')} aria-invalid={Boolean(sectorsError)} /> {t(`sectors.${sector}`)}
          </label>
        ))}
        <span id={`${id('sectors')}-error`} className="error" role={sectorsError ? 'alert' : undefined}>
          {sectorsError ?? ''}
        </span>
      </fieldset>
      {localized('description', 3000, true)}
      <fieldset>
        <legend>{t('admin.form.contacts')}</legend>
        <div className="grid">
          <FormField id={id('contactName')} label={t('admin.form.contactName')} error={message('contactName')}>
            <input {...field('contactName')} autoComplete="off" />
          </FormField>
          <FormField id={id('contactEmail')} label={t('admin.form.contactEmail')} error={message('contactEmail')}>
            <input {...field('contactEmail')} type="email" autoComplete="off" />
          </FormField>
          <FormField id={id('contactPhone')} label={t('admin.form.contactPhone')} error={message('contactPhone')}>
            <input {...field('contactPhone')} type="tel" autoComplete="off" />
          </FormField>
        </div>
      </fieldset>
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('admin.form.saving') : t('admin.form.save')}
      </button>
    </form>
  );
}
