'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { SECTORS } from '@/db/schema/exhibition';
import type { CountryOption } from '@/lib/admin/form-options';
import type { Saved } from '@/lib/admin/saved';
import { suggestSlug } from '@/lib/admin/suggest-slug';
import { exhibitorInputSchema, type ExhibitorFormValues, type ExhibitorInput } from '@/lib/exhibition/admin/exhibitor-schema';
import { FormNotice } from '@/components/forms/form-notice';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import { CountryOptions } from './select-options';
import { FormField, fieldAria } from './venue-field';

type Props = {
  eventSlug: string;
  /** null for a new exhibitor. */
  exhibitorId: string | null;
  defaults: ExhibitorFormValues;
  countries: CountryOption[];
  /** The on-site venues a booth can be at, named in the page's language. */
  venues: { id: string; name: string }[];
  action: (eventSlug: string, exhibitorId: string | null, values: unknown) => Promise<Saved>;
};

const FIELDS = [
  'slug',
  'name',
  'description',
  'country',
  'sectors',
  'website',
  'contactName',
  'contactEmail',
  'contactPhone',
  'venueId',
  'hall',
  'booth',
] as const;
type Field = (typeof FIELDS)[number];

export function ExhibitorForm({ eventSlug, exhibitorId, defaults, countries, venues, action }: Props) {
  const t = useTranslations('exhibition');
  const words = useValidationText();
  const router = useRouter();
  const { register, handleSubmit, setError, setValue, getValues, reset, watch, formState } = useForm<
    ExhibitorFormValues,
    unknown,
    ExhibitorInput
  >({
    resolver: zodResolver(exhibitorInputSchema),
    defaultValues: defaults,
  });
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
      // A new exhibitor's address follows its English name until someone types one.
      onEnglishBlur={name === 'name' ? (value) => !exhibitorId && !getValues('slug') && setValue('slug', suggestSlug(value)) : undefined}
    />
  );

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, exhibitorId, values);
    if (result.ok) {
      if (!exhibitorId) return router.push(`/admin/events/${eventSlug}/exhibitors/${result.id}?done=created`);
      reset(getValues());
      saved(t('admin.saved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('admin.form.fixErrors'), other: (failure) => t('admin.form.notSaved', { message: failure.error }) });
  });

  const sectorsError = message('sectors');
  return (
    <form onSubmit={onSubmit} noValidate data-testid="exhibitor-form" className="card">
      <FormNotice notice={notice} testId="exhibitor-notice" />
      {localized('name', 200)}
      <div className="grid">
        <FormField id={id('slug')} label={t('admin.form.slug')} hint={t('admin.form.slugHint')} error={message('slug')}>
          <input {...field('slug', true)} spellCheck={false} autoCapitalize="none" />
        </FormField>
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
        <legend>{t('admin.form.booth')}</legend>
        <div className="grid">
          <FormField id={id('venueId')} label={t('admin.form.venue')} error={message('venueId')}>
            <select {...field('venueId')}>
              <option value="">{t('admin.form.onlineOnly')}</option>
              {venues.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField id={id('hall')} label={t('admin.form.hall')} error={message('hall')}>
            <input {...field('hall')} autoComplete="off" />
          </FormField>
          <FormField id={id('booth')} label={t('admin.form.boothNumber')} error={message('booth')}>
            <input {...field('booth')} autoComplete="off" />
          </FormField>
        </div>
      </fieldset>
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
        {formState.isSubmitting ? t('admin.form.saving') : exhibitorId ? t('admin.form.save') : t('admin.form.create')}
      </button>
    </form>
  );
}
