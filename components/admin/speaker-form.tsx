'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { CountryOption } from '@/lib/admin/form-options';
import type { Saved } from '@/lib/admin/saved';
import { speakerInputSchema, type SpeakerFormValues, type SpeakerInput } from '@/lib/speakers/admin/speaker-schema';
import { suggestSlug } from '@/lib/admin/suggest-slug';
import { FormField, fieldAria } from './venue-field';
import { useValidationText } from '@/components/ui/use-validation-text';
import { FormNotice } from '@/components/forms/form-notice';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { useFormResult } from '@/components/forms/use-form-result';
import { ZoneOptions, CountryOptions } from './select-options';
import { ClientForm } from '../forms/client-form';

type Props = {
  eventSlug: string;
  /** null for a new speaker. */
  speakerId: string | null;
  defaults: SpeakerFormValues;
  zones: string[];
  countries: CountryOption[];
  action: (eventSlug: string, speakerId: string | null, values: unknown) => Promise<Saved>;
};

const FIELDS = [
  'slug',
  'name',
  'honorific',
  'email',
  'jobTitle',
  'affiliation',
  'honorificZh',
  'jobTitleZh',
  'affiliationZh',
  'country',
  'timeZone',
  'bio',
] as const;
type Field = (typeof FIELDS)[number];

export function SpeakerForm({ eventSlug, speakerId, defaults, zones, countries, action }: Props) {
  const t = useTranslations('adminVenues');
  const words = useValidationText();
  const router = useRouter();
  const { register, handleSubmit, setError, setValue, getValues, reset, watch, formState } = useFilledForm<
    SpeakerFormValues,
    unknown,
    SpeakerInput
  >({
    resolver: zodResolver(speakerInputSchema),
    defaultValues: defaults,
  });
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);
  const errors = formState.errors;
  const id = (field: Field) => `speaker-${field}`;
  const message = (field: Field) => words(errors[field]?.message as string | undefined);
  const field = (name: Field, hasHint = false) => ({ ...register(name), ...fieldAria(id(name), message(name), hasHint) });
  const name = field('name');

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, speakerId, values);
    if (result.ok) {
      if (!speakerId) return router.push(`/admin/events/${eventSlug}/agenda/speakers/${result.id}?done=created`);
      reset(getValues());
      saved(t('speaker.saved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('fixErrors'), other: (failure) => t('notSaved', { message: failure.error }) });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate data-testid="speaker-form" className="card">
      <FormNotice notice={notice} testId="speaker-notice" />
      <div className="grid">
        <FormField id={id('honorific')} label={t('speaker.honorific')} hint={t('speaker.honorificHint')} error={message('honorific')}>
          <input {...field('honorific', true)} autoComplete="off" />
        </FormField>
        <FormField id={id('name')} label={t('speaker.name')} error={message('name')}>
          <input
            {...name}
            autoComplete="off"
            onBlur={(e) => {
              void name.onBlur(e);
              if (!speakerId && !getValues('slug')) setValue('slug', suggestSlug(e.target.value));
            }}
          />
        </FormField>
        <FormField id={id('slug')} label={t('speaker.slug')} hint={t('speaker.slugHint')} error={message('slug')}>
          <input {...field('slug', true)} spellCheck={false} autoCapitalize="none" />
        </FormField>
        <FormField id={id('email')} label={t('speaker.email')} hint={t('speaker.emailHint')} error={message('email')}>
          <input {...field('email', true)} type="email" autoComplete="off" />
        </FormField>
        <FormField id={id('jobTitle')} label={t('speaker.jobTitle')} error={message('jobTitle')}>
          <input {...field('jobTitle')} />
        </FormField>
        <FormField id={id('affiliation')} label={t('speaker.affiliation')} error={message('affiliation')}>
          <input {...field('affiliation')} />
        </FormField>
        <FormField id={id('honorificZh')} label={t('speaker.honorificZh')} hint={t('speaker.zhHint')} error={message('honorificZh')}>
          <input {...field('honorificZh', true)} lang="zh" autoComplete="off" />
        </FormField>
        <FormField id={id('jobTitleZh')} label={t('speaker.jobTitleZh')} error={message('jobTitleZh')}>
          <input {...field('jobTitleZh')} lang="zh" />
        </FormField>
        <FormField id={id('affiliationZh')} label={t('speaker.affiliationZh')} error={message('affiliationZh')}>
          <input {...field('affiliationZh')} lang="zh" />
        </FormField>
        <FormField id={id('country')} label={t('speaker.country')} error={message('country')}>
          <select {...field('country')}>
            <option value="">{t('speaker.chooseCountry')}</option>
            <CountryOptions countries={countries} />
          </select>
        </FormField>
        <FormField id={id('timeZone')} label={t('speaker.timeZone')} error={message('timeZone')}>
          <select {...field('timeZone')}>
            <option value="">{t('speaker.noZone')}</option>
            <ZoneOptions zones={zones} />
          </select>
        </FormField>
      </div>
      <LocalizedTextFields
        name="bio"
        idPrefix="speaker"
        label={t('speaker.bio')}
        missingLabel={t('missingLanguage')}
        register={register}
        values={watch('bio') as Record<string, string | undefined>}
        error={words(localizedFieldError(errors.bio))}
        maxLength={2000}
        multiline
      />
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('saving') : speakerId ? t('speaker.save') : t('speaker.create')}
      </button>
    </ClientForm>
  );
}
