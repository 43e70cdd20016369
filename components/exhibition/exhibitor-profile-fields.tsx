'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useFormContext } from 'react-hook-form';
import { SECTORS } from '@/db/schema/exhibition';
import type { CountryOption } from '@/lib/admin/form-options';
import type { ExhibitorProfileValues } from '@/lib/exhibition/admin/exhibitor-schema';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { useValidationText } from '@/components/ui/use-validation-text';
import { CountryOptions } from '@/components/admin/select-options';
import { FormField, fieldAria } from '@/components/admin/venue-field';
import { tickedByDefault } from '@/components/forms/use-filled-form';

type ProfileField = keyof ExhibitorProfileValues;

type Props = {
  countries: CountryOption[];
  /** Beside the country: the organisers' form puts the exhibitor's web address here. */
  besideCountry?: ReactNode;
  /** Before the contacts: the organisers' form puts the booth they assign here. */
  beforeContacts?: ReactNode;
  /** Called when the English name loses focus. */
  onEnglishNameBlur?: (value: string) => void;
};

/**
 * What an exhibitor says of itself (name, country, website, sectors, description, contacts), inside a
 * react-hook-form FormProvider: the exhibitor portal's profile form and the organisers' exhibitor form
 * both show it, the organisers' with the address and the booth they assign.
 */
export function ExhibitorProfileFields({ countries, besideCountry, beforeContacts, onEnglishNameBlur }: Props) {
  const t = useTranslations('exhibition');
  const words = useValidationText();
  const { register, watch, formState } = useFormContext<ExhibitorProfileValues>();
  const errors = formState.errors;
  const id = (field: ProfileField) => `exhibitor-${field}`;
  const message = (field: ProfileField) => words(errors[field]?.message as string | undefined);
  const field = (name: Exclude<ProfileField, 'sectors' | 'name' | 'description'>, hasHint = false) => ({
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
      onEnglishBlur={name === 'name' ? onEnglishNameBlur : undefined}
    />
  );
  const sectorsError = message('sectors');
  return (
    <>
      {localized('name', 200)}
      <div className="grid">
        {besideCountry}
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
            <input
              type="checkbox"
              value={sector}
              {...register('sectors')}
              defaultChecked={tickedByDefault(formState.defaultValues?.sectors, sector)}
              aria-invalid={Boolean(sectorsError)}
            />{' '}
            {t(`sectors.${sector}`)}
          </label>
        ))}
        <span id={`${id('sectors')}-error`} className="error" role={sectorsError ? 'alert' : undefined}>
          {sectorsError ?? ''}
        </span>
      </fieldset>
      {localized('description', 3000, true)}
      {beforeContacts}
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
    </>
  );
}
