'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { speakerProfileSchema, type SpeakerProfileFormValues, type SpeakerProfileInput } from '@/lib/speakers/profile-schema';
import { useValidationText } from '@/components/ui/use-validation-text';
import type { Result } from '@/lib/errors/result';

type Props = {
  speakerId: string;
  defaults: SpeakerProfileFormValues;
  action: (speakerId: string, values: unknown) => Promise<Result>;
};

const FIELDS = ['bioEn', 'bioZh', 'affiliation', 'jobTitle', 'timeZone'] as const;

export function SpeakerProfileForm({ speakerId, defaults, action }: Props) {
  const t = useTranslations('speaker');
  const words = useValidationText();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<SpeakerProfileFormValues, unknown, SpeakerProfileInput>({
    resolver: zodResolver(speakerProfileSchema),
    defaultValues: defaults,
  });
  const errors = formState.errors;
  const id = (field: string) => `${field}-${speakerId}`;
  const describe = (field: (typeof FIELDS)[number]) => ({
    id: id(field),
    'aria-invalid': Boolean(errors[field]),
    'aria-describedby': `${id(field)}-error`,
  });
  const error = (field: (typeof FIELDS)[number]) => (
    <span id={`${id(field)}-error`} className="error" role={errors[field] ? 'alert' : undefined}>
      {words(errors[field]?.message) ?? ''}
    </span>
  );

  const onSubmit = handleSubmit(async (values) => {
    setNotice(null);
    const result = await action(speakerId, values);
    if (result.ok) return setNotice({ ok: true, text: t('saved') });
    if (result.code !== 'invalid') return setNotice({ ok: false, text: t('forbidden') });
    for (const [field, message] of Object.entries(result.fields)) {
      if ((FIELDS as readonly string[]).includes(field)) setError(field as (typeof FIELDS)[number], { message });
    }
    setNotice({ ok: false, text: t('fixErrors') });
  });

  return (
    <form onSubmit={onSubmit} noValidate data-testid="profile-form">
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={`notice ${notice.ok ? 'ok' : 'bad'}`}>
          {notice.text}
        </p>
      )}
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
      <div className="field">
        <label htmlFor={id('bioEn')}>{t('bioEn')}</label>
        <textarea {...register('bioEn')} {...describe('bioEn')} rows={5} lang="en" />
        {error('bioEn')}
      </div>
      <div className="field">
        <label htmlFor={id('bioZh')}>{t('bioZh')}</label>
        <textarea {...register('bioZh')} {...describe('bioZh')} rows={5} lang="zh" />
        {error('bioZh')}
      </div>
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {t('save')}
      </button>
    </form>
  );
}
