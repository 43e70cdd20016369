'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFieldArray } from 'react-hook-form';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { SECTORS } from '@/db/schema/exhibition';
import { MAX_OUTCOME_PARTIES, OUTCOME_KINDS } from '@/db/schema/outcomes';
import type { CountryOption } from '@/lib/admin/form-options';
import type { Saved } from '@/lib/admin/saved';
import { outcomeInputSchema, type OutcomeFormValues, type OutcomeInput } from '@/lib/outcomes/outcome-schema';
import { FormNotice } from '@/components/forms/form-notice';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import { CountryOptions } from './select-options';
import { FormField, fieldAria } from './venue-field';
import { ClientForm } from '../forms/client-form';

type Props = {
  eventSlug: string;
  /** null for a new outcome. */
  outcomeId: string | null;
  defaults: OutcomeFormValues;
  countries: CountryOption[];
  /** The event's sessions (signing ceremonies first) and listings, already worded in the page's language. */
  sessions: { id: string; label: string }[];
  listings: { id: string; label: string }[];
  action: (eventSlug: string, outcomeId: string | null, values: unknown) => Promise<Saved>;
};

const FIELDS = ['kind', 'title', 'parties', 'sector', 'signedOn', 'sessionId', 'listingId', 'public'] as const;
type Field = (typeof FIELDS)[number];

export function OutcomeForm({ eventSlug, outcomeId, defaults, countries, sessions, listings, action }: Props) {
  const t = useTranslations('outcomes');
  const te = useTranslations('exhibition');
  const words = useValidationText();
  const router = useRouter();
  const { register, registerChoice, handleSubmit, setError, getValues, reset, watch, control, formState } = useFilledForm<
    OutcomeFormValues,
    unknown,
    OutcomeInput
  >({
    resolver: zodResolver(outcomeInputSchema),
    defaultValues: defaults,
  });
  const parties = useFieldArray({ control, name: 'parties' });
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);
  const errors = formState.errors;
  const id = (field: string) => `outcome-${field}`;
  const message = (field: Exclude<Field, 'parties' | 'title'>) => words(errors[field]?.message as string | undefined);
  const field = (name: 'sector' | 'signedOn' | 'sessionId' | 'listingId', hasHint = false) => ({
    ...register(name),
    ...fieldAria(id(name), message(name), hasHint),
  });

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, outcomeId, values);
    if (result.ok) {
      if (!outcomeId) return router.push(`/admin/events/${eventSlug}/outcomes/${result.id}?done=created`);
      reset(getValues());
      saved(t('admin.saved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('admin.form.fixErrors'), other: (failure) => t('admin.form.notSaved', { message: failure.error }) });
  });

  const kindError = message('kind');
  const partiesError = words((errors.parties?.message ?? errors.parties?.root?.message) as string | undefined);
  return (
    <ClientForm onSubmit={onSubmit} noValidate data-testid="outcome-form" className="card">
      <FormNotice notice={notice} testId="outcome-notice" />
      <fieldset aria-describedby={`${id('kind')}-error`}>
        <legend>{t('admin.form.kind')}</legend>
        {OUTCOME_KINDS.map((kind) => (
          <label key={kind} className="checkbox">
            <input type="radio" {...registerChoice('kind', kind)} aria-invalid={Boolean(kindError)} /> {t(`kinds.${kind}`)}
          </label>
        ))}
        <span id={`${id('kind')}-error`} className="error" role={kindError ? 'alert' : undefined}>
          {kindError ?? ''}
        </span>
      </fieldset>
      <LocalizedTextFields
        name="title"
        idPrefix="outcome"
        label={t('admin.form.title')}
        missingLabel={t('admin.form.missingLanguage')}
        register={register}
        values={watch('title') as Record<string, string | undefined>}
        error={words(localizedFieldError(errors.title))}
        maxLength={200}
      />
      <fieldset aria-describedby={`${id('parties')}-error`} data-testid="outcome-parties">
        <legend>{t('admin.form.parties')}</legend>
        {parties.fields.map((party, index) => {
          const nameError = words(errors.parties?.[index]?.name?.message);
          const countryError = words(errors.parties?.[index]?.country?.message);
          return (
            <div key={party.id} className="grid">
              <FormField id={id(`party-${index}-name`)} label={t('admin.form.partyName', { n: index + 1 })} error={nameError}>
                <input
                  {...register(`parties.${index}.name`)}
                  {...fieldAria(id(`party-${index}-name`), nameError)}
                  maxLength={200}
                  autoComplete="organization"
                />
              </FormField>
              <FormField id={id(`party-${index}-country`)} label={t('admin.form.partyCountry', { n: index + 1 })} error={countryError}>
                <select {...register(`parties.${index}.country`)} {...fieldAria(id(`party-${index}-country`), countryError)}>
                  <option value="">{t('admin.form.chooseCountry')}</option>
                  <CountryOptions countries={countries} />
                </select>
              </FormField>
              {parties.fields.length > 1 && (
                <p>
                  <button type="button" className="button secondary" onClick={() => parties.remove(index)}>
                    {t('admin.form.removeParty', { n: index + 1 })}
                  </button>
                </p>
              )}
            </div>
          );
        })}
        {parties.fields.length < MAX_OUTCOME_PARTIES && (
          <p>
            <button type="button" className="button secondary" onClick={() => parties.append({ name: '', country: '' })}>
              {t('admin.form.addParty')}
            </button>
          </p>
        )}
        <span id={`${id('parties')}-error`} className="error" role={partiesError ? 'alert' : undefined}>
          {partiesError ?? ''}
        </span>
      </fieldset>
      <div className="grid">
        <FormField id={id('sector')} label={t('admin.form.sector')} error={message('sector')}>
          <select {...field('sector')}>
            <option value="">{t('admin.form.chooseSector')}</option>
            {SECTORS.map((s) => (
              <option key={s} value={s}>
                {te(`sectors.${s}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={id('signedOn')} label={t('admin.form.signedOn')} hint={t('admin.form.signedOnHint')} error={message('signedOn')}>
          <input {...field('signedOn', true)} type="date" min="2000-01-01" max="2100-12-31" />
        </FormField>
        <FormField id={id('sessionId')} label={t('admin.form.session')} hint={t('admin.form.sessionHint')} error={message('sessionId')}>
          <select {...field('sessionId', true)}>
            <option value="">{t('admin.form.noSession')}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={id('listingId')} label={t('admin.form.listing')} error={message('listingId')}>
          <select {...field('listingId')}>
            <option value="">{t('admin.form.noListing')}</option>
            {listings.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <label className="checkbox">
        <input type="checkbox" {...register('public')} id={id('public')} /> {t('admin.form.public')}
      </label>
      <p className="muted">{t('admin.form.publicHint')}</p>
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('admin.form.saving') : outcomeId ? t('admin.form.save') : t('admin.form.create')}
      </button>
    </ClientForm>
  );
}
