'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { EventSettingsField, EventSettingsInput, EventSettingsValues } from '@/lib/events/admin/event-settings-input';
import { eventSettingsSchema } from '@/lib/events/admin/event-settings-input';
import type { EventSettingsResult } from '@/lib/events/admin/update-event-settings';
import { FormField, fieldAria } from './venue-field';
import { useValidationText } from '@/components/ui/use-validation-text';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { ZoneOptions } from './select-options';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { ClientForm } from '../forms/client-form';

type LocalizedField = 'name' | 'theme' | 'description' | 'privacy';

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
  const { register, handleSubmit, setError, watch, reset, getValues, formState } = useFilledForm<
    EventSettingsInput,
    unknown,
    EventSettingsValues
  >({
    resolver: zodResolver(eventSettingsSchema),
    defaultValues: defaults,
  });
  const { notice, clear, saved, refused } = useFormResult(setError);
  const message = (field: EventSettingsField) => words(formState.errors[field]?.message as string | undefined);
  // A localised field's error: the server's for the whole field, else English's own (the browser's check).
  const localizedError = (name: LocalizedField) => words(localizedFieldError(formState.errors[name]));
  const localizedFields = (name: LocalizedField, maxLength: number, multiline = false) => (
    <LocalizedTextFields
      name={name}
      idPrefix="settings"
      label={t(name)}
      missingLabel={t('missingLanguage')}
      register={register}
      values={watch(name) as Record<string, string | undefined>}
      error={localizedError(name)}
      maxLength={maxLength}
      multiline={multiline}
    />
  );
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

  return (
    <ClientForm onSubmit={onSubmit} noValidate className="card" data-testid="event-settings-form">
      <FormNotice notice={notice} testId="settings-notice" />
      <fieldset>
        <legend>{t('about')}</legend>
        {localizedFields('name', 200)}
        {localizedFields('theme', 300)}
        <div className="grid">
          <FormField id={id('organiser')} label={t('organiser')} error={message('organiser')}>
            <input {...field('organiser')} maxLength={300} />
          </FormField>
          <FormField id={id('contactEmail')} label={t('contactEmail')} error={message('contactEmail')}>
            <input {...field('contactEmail')} type="email" autoComplete="off" />
          </FormField>
        </div>
        {localizedFields('description', 5000, true)}
        {localizedFields('privacy', 10_000, true)}
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
    </ClientForm>
  );
}
