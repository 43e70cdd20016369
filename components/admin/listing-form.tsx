'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { COOPERATION_KINDS, IP_STATUSES, LISTING_KINDS, SECTORS } from '@/db/schema/exhibition';
import type { CountryOption } from '@/lib/admin/form-options';
import type { Saved } from '@/lib/admin/saved';
import { listingInputSchema, type ListingFormValues, type ListingInput } from '@/lib/exhibition/admin/listing-schema';
import { FormNotice } from '@/components/forms/form-notice';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import { CountryOptions } from './select-options';
import { FormField, fieldAria } from './venue-field';
import { ClientForm } from '../forms/client-form';

type Props = {
  defaults: ListingFormValues;
  countries: CountryOption[];
  /** The exhibitors it may be filed under (the event's, or on the exhibitor portal the staffed one), named in the page's language. */
  exhibitors: { id: string; name: string }[];
  /** The save, bound on the page to what it saves (the event, or the listing being edited). */
  action: (values: unknown) => Promise<Saved>;
  /** Where a successful save goes. */
  doneHref: string;
  /** An edited listing says "save", a new one "create". */
  editing?: boolean;
};

const FIELDS = ['exhibitorId', 'kind', 'title', 'summary', 'sector', 'trl', 'ipStatus', 'cooperation', 'countries'] as const;
type Field = (typeof FIELDS)[number];
const TRLS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export function ListingForm({ defaults, countries, exhibitors, action, doneHref, editing = false }: Props) {
  const t = useTranslations('exhibition');
  const words = useValidationText();
  const router = useRouter();
  const { register, registerChoice, handleSubmit, setError, watch, formState } = useFilledForm<ListingFormValues, unknown, ListingInput>({
    resolver: zodResolver(listingInputSchema),
    defaultValues: defaults,
  });
  const { notice, clear, refused } = useFormResult(setError, FIELDS);
  const errors = formState.errors;
  const id = (field: Field) => `listing-${field}`;
  const message = (field: Field) => words(errors[field]?.message as string | undefined);
  const field = (name: Exclude<Field, 'cooperation' | 'kind' | 'title' | 'summary'>, hasHint = false) => ({
    ...register(name),
    ...fieldAria(id(name), message(name), hasHint),
  });

  const localized = (name: 'title' | 'summary', max: number, multiline = false) => (
    <LocalizedTextFields
      name={name}
      idPrefix="listing"
      label={t(`listingsAdmin.form.${name}`)}
      missingLabel={t('listingsAdmin.form.missingLanguage')}
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
    if (result.ok) return router.push(doneHref);
    refused(result, { fixErrors: t('admin.form.fixErrors'), other: (failure) => t('admin.form.notSaved', { message: failure.error }) });
  });

  const choiceGroup = (name: 'kind' | 'cooperation', legend: string, values: readonly string[], label: (v: string) => string) => {
    const error = message(name);
    return (
      <fieldset aria-describedby={`${id(name)}-error`}>
        <legend>{legend}</legend>
        {values.map((value) => (
          <label key={value} className="checkbox">
            <input type={name === 'kind' ? 'radio' : 'checkbox'} {...registerChoice(name, value)} aria-invalid={Boolean(error)} />{' '}
            {label(value)}
          </label>
        ))}
        <span id={`${id(name)}-error`} className="error" role={error ? 'alert' : undefined}>
          {error ?? ''}
        </span>
      </fieldset>
    );
  };

  return (
    <ClientForm onSubmit={onSubmit} noValidate data-testid="listing-form" className="card">
      <FormNotice notice={notice} testId="listing-notice" />
      <div className="grid">
        <FormField id={id('exhibitorId')} label={t('listingsAdmin.form.exhibitor')} error={message('exhibitorId')}>
          <select {...field('exhibitorId')}>
            <option value="">{t('listingsAdmin.form.chooseExhibitor')}</option>
            {exhibitors.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={id('sector')} label={t('listingsAdmin.form.sector')} error={message('sector')}>
          <select {...field('sector')}>
            <option value="">{t('listingsAdmin.form.chooseSector')}</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {t(`sectors.${s}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={id('trl')} label={t('listingsAdmin.form.trl')} error={message('trl')}>
          <select {...field('trl')}>
            <option value="">{t('listingsAdmin.form.chooseTrl')}</option>
            {TRLS.map((n) => (
              <option key={n} value={n}>
                {t('listingsAdmin.form.trlLevel', { trl: n, words: t(`trlWords.${n}`) })}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={id('ipStatus')} label={t('listingsAdmin.form.ip')} error={message('ipStatus')}>
          <select {...field('ipStatus')}>
            <option value="">{t('listingsAdmin.form.chooseIp')}</option>
            {IP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`ip.${s}`)}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      {choiceGroup('kind', t('listingsAdmin.form.kind'), LISTING_KINDS, (k) => t(`kindLong.${k}`))}
      {localized('title', 200)}
      {localized('summary', 2000, true)}
      {choiceGroup('cooperation', t('listingsAdmin.form.cooperation'), COOPERATION_KINDS, (k) => t(`cooperationKinds.${k}`))}
      <FormField
        id={id('countries')}
        label={t('listingsAdmin.form.countries')}
        hint={t('listingsAdmin.form.countriesHint')}
        error={message('countries')}
      >
        {/* A list default, which register() leaves to the script: the server's HTML shows it here. */}
        <select {...field('countries', true)} defaultValue={defaults.countries} multiple size={6}>
          <CountryOptions countries={countries} />
        </select>
      </FormField>
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('admin.form.saving') : editing ? t('admin.form.save') : t('listingsAdmin.form.create')}
      </button>
    </ClientForm>
  );
}
