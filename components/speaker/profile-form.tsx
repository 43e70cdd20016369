'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { speakerProfileSchema, type SpeakerProfileFormValues, type SpeakerProfileInput } from '@/lib/speakers/profile-schema';
import { useValidationText } from '@/components/ui/use-validation-text';
import type { Result } from '@/lib/errors/result';
import { FormNotice } from '@/components/forms/form-notice';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { useFormResult } from '@/components/forms/use-form-result';
import { ClientForm } from '../forms/client-form';

type Props = {
  speakerId: string;
  defaults: SpeakerProfileFormValues;
  action: (speakerId: string, values: unknown) => Promise<Result>;
};

const FIELDS = ['bio', 'affiliation', 'jobTitle', 'timeZone'] as const;

export function SpeakerProfileForm({ speakerId, defaults, action }: Props) {
  const t = useTranslations('speaker');
  const words = useValidationText();
  const { register, handleSubmit, setError, watch, formState } = useFilledForm<SpeakerProfileFormValues, unknown, SpeakerProfileInput>({
    resolver: zodResolver(speakerProfileSchema),
    defaultValues: defaults,
  });
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);
  const errors = formState.errors;
  const id = (field: string) => `${field}-${speakerId}`;
  const describe = (field: (typeof FIELDS)[number]) => ({
    id: id(field),
    'aria-invalid': Boolean(errors[field]),
    'aria-describedby': `${id(field)}-error`,
  });
  const error = (field: (typeof FIELDS)[number]) => (
    <span id={`${id(field)}-error`} className="error" role={errors[field] ? 'alert' : undefined}>
      {words(errors[field]?.message as string | undefined) ?? ''}
    </span>
  );

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(speakerId, values);
    if (result.ok) return saved(t('saved'));
    refused(result, { fixErrors: t('fixErrors'), other: () => t('forbidden') });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate data-testid="profile-form">
      <FormNotice notice={notice} />
      <div className="field">
        <label htmlFor={id('affiliation')}>{t('affiliation')}</label>
        <input {...register('affiliation')} {...describe('affiliation')} autoComplete="organization" />
        {error('affiliation')}
      </div>
      <div className="field">
        <label htmlFor={id('jobTitle')}>{t('jobTitle')}</label>
        <input {...register('jobTitle')} {...describe('jobTitle')} autoComplete="organization-title" />
        {error('jobTitle')}
      </div>
      <div className="field">
        <label htmlFor={id('timeZone')}>{t('timeZone')}</label>
        <input {...register('timeZone')} {...describe('timeZone')} list="iana-zones" spellCheck={false} />
        <span className="muted">{t('timeZoneHint')}</span>
        {error('timeZone')}
      </div>
      <LocalizedTextFields
        name="bio"
        idPrefix={`profile-${speakerId}`}
        label={t('bio')}
        missingLabel={t('missingLanguage')}
        register={register}
        values={watch('bio') as Record<string, string | undefined>}
        error={words(localizedFieldError(errors.bio))}
        maxLength={2000}
        multiline
      />
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {t('save')}
      </button>
    </ClientForm>
  );
}
