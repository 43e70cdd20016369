'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { EventSettingsField, EventSettingsInput, EventSettingsValues } from '@/lib/events/admin/event-settings-input';
import { eventSettingsSchema } from '@/lib/events/admin/event-settings-input';
import type { EventSettingsResult } from '@/lib/events/admin/update-event-settings';
import { FormField, fieldAria } from './venue-field';
import { useValidationText } from '@/components/ui/use-validation-text';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { ZoneOptions } from './select-options';

type Props = {
  eventSlug: string;
  defaults: EventSettingsInput;
  zones: string[];
  sessionCount: number;
  action: (slug: string, values: unknown) => Promise<EventSettingsResult>;
};

/** Names, texts, dates and the registration window of one event, in its languages and its zone. */
export function EventSettingsForm({ eventSlug, defaults, zones, sessionCount, action }: Props) {
  const t = useTranslations('adminEvents.settings');
  const words = useValidationText();
  const router = useRouter();
  const { register, handleSubmit, setError, watch, reset, getValues, formState } = useForm<
    EventSettingsInput,
    unknown,
    EventSettingsValues
  >({
    resolver: zodResolver(eventSettingsSchema),
    defaultValues: defaults,
  });
  const { notice, clear, saved, refused } = useFormResult(setError);
  const message = (field: EventSettingsField) => words(formState.errors[field]?.message);
  const id = (field: EventSettingsField) => `settings-${field}`;
  const field = (name: EventSettingsField, hasHint = false) => ({ ...register(name), ...fieldAria(id(name), message(name), hasHint) });
  const datesMoved = sessionCount > 0 && watch('firstDay') !== defaults.firstDay;

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, values);
    if (result.ok) {
      reset(getValues());
      saved(result.shiftedSessions ? t('savedShifted', { count: result.shiftedSessions }) : t('saved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('fixErrors'), other: () => t('fixErrors') });
  });

  const text = (name: EventSettingsField, label: string, lang: string, max: number) => (
    <FormField id={id(name)} label={label} error={message(name)}>
      <input {...field(name)} lang={lang} maxLength={max} />
    </FormField>
  );
  const area = (name: EventSettingsField, label: string, lang: string) => (
    <FormField id={id(name)} label={label} error={message(name)}>
      <textarea {...field(name)} lang={lang} rows={4} />
    </FormField>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="card" data-testid="event-settings-form">
      <FormNotice notice={notice} testId="settings-notice" />
      <fieldset>
        <legend>{t('about')}</legend>
        <div className="grid">
          {text('nameEn', t('nameEn'), 'en', 200)}
          {text('nameZh', t('nameZh'), 'zh', 200)}
          {text('themeEn', t('themeEn'), 'en', 300)}
          {text('themeZh', t('themeZh'), 'zh', 300)}
          {text('organiser', t('organiser'), 'en', 300)}
          <FormField id={id('contactEmail')} label={t('contactEmail')} error={message('contactEmail')}>
            <input {...field('contactEmail')} type="email" autoComplete="off" />
          </FormField>
        </div>
        <div className="grid">
          {area('descriptionEn', t('descriptionEn'), 'en')}
          {area('descriptionZh', t('descriptionZh'), 'zh')}
          {area('privacyEn', t('privacyEn'), 'en')}
          {area('privacyZh', t('privacyZh'), 'zh')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('dates')}</legend>
        <div className="grid">
          <FormField id={id('firstDay')} label={t('firstDay')} error={message('firstDay')}>
            <input {...field('firstDay')} type="date" />
          </FormField>
          <FormField id={id('lastDay')} label={t('lastDay')} error={message('lastDay')}>
            <input {...field('lastDay')} type="date" />
          </FormField>
          <FormField id={id('timeZone')} label={t('timeZone')} hint={t('timeZoneHint')} error={message('timeZone')}>
            <select {...field('timeZone', true)}>
              <ZoneOptions zones={zones} />
            </select>
          </FormField>
        </div>
        {datesMoved && (
          <fieldset data-testid="shift-choice">
            <legend>{t('shiftQuestion', { count: sessionCount })}</legend>
            <label className="checkbox">
              <input type="checkbox" {...register('shiftSessions')} /> {t('shiftSessions')}
            </label>
          </fieldset>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('registration')}</legend>
        <p className="muted">{t('registrationHint', { zone: watch('timeZone') })}</p>
        <div className="grid">
          <FormField id={id('registrationOpensAt')} label={t('opensAt')} error={message('registrationOpensAt')}>
            <input {...field('registrationOpensAt')} type="datetime-local" />
          </FormField>
          <FormField id={id('registrationClosesAt')} label={t('closesAt')} error={message('registrationClosesAt')}>
            <input {...field('registrationClosesAt')} type="datetime-local" />
          </FormField>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('retention')}</legend>
        <FormField id={id('retentionDays')} label={t('retentionDays')} hint={t('retentionHint')} error={message('retentionDays')}>
          <input {...field('retentionDays', true)} inputMode="numeric" maxLength={4} />
        </FormField>
      </fieldset>
      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {t('submit')}
      </button>
    </form>
  );
}
