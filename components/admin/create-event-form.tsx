'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { CountryOption } from '@/lib/admin/form-options';
import { suggestSlug } from '@/lib/admin/suggest-slug';
import type { CreateEventResult } from '@/lib/events/admin/create-event';
import {
  type CreateEventField,
  type CreateEventInput,
  type CreateEventValues,
  createEventSchema,
} from '@/lib/events/admin/create-event-input';
import { FormField, fieldAria } from './venue-field';
import { useValidationText } from '@/components/ui/use-validation-text';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { ZoneOptions, CountryOptions } from './select-options';
import { ClientForm } from '../forms/client-form';

type Props = {
  zones: string[];
  countries: CountryOption[];
  action: (values: unknown) => Promise<CreateEventResult>;
};

/** The new-forum form: names, dates and the main venue; the rest is set up in the event's own pages. */
export function CreateEventForm({ zones, countries, action }: Props) {
  const t = useTranslations('adminEvents.create');
  const words = useValidationText();
  const router = useRouter();
  const { register, handleSubmit, setError, setValue, getValues, watch, formState } = useFilledForm<
    CreateEventInput,
    unknown,
    CreateEventValues
  >({
    resolver: zodResolver(createEventSchema),
    defaultValues: { venueTimeZone: 'Asia/Shanghai', venueCountry: 'CN', venueCapacity: 500, withOnline: true },
  });
  const { notice, clear, refused } = useFormResult(setError);
  const message = (field: CreateEventField) => words(formState.errors[field]?.message as string | undefined);
  const id = (field: CreateEventField) => `event-${field}`;
  const field = (name: CreateEventField, hasHint = false) => ({ ...register(name), ...fieldAria(id(name), message(name), hasHint) });

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(values);
    if (result.ok) return router.push(`/admin/events/${result.slug}/settings?done=created`);
    refused(result, { fixErrors: t('fixErrors'), other: () => t('fixErrors') });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate className="card" data-testid="create-event-form">
      <FormNotice notice={notice} />
      <fieldset>
        <legend>{t('about')}</legend>
        <LocalizedTextFields
          name="name"
          idPrefix="event"
          label={t('name')}
          missingLabel={t('missingLanguage')}
          register={register}
          values={watch('name') as Record<string, string | undefined>}
          error={words(localizedFieldError(formState.errors.name))}
          maxLength={200}
          onEnglishBlur={(value) => {
            if (!getValues('slug')) setValue('slug', suggestSlug(value));
          }}
        />
        <LocalizedTextFields
          name="theme"
          idPrefix="event"
          label={t('theme')}
          missingLabel={t('missingLanguage')}
          register={register}
          values={watch('theme') as Record<string, string | undefined>}
          error={words(localizedFieldError(formState.errors.theme))}
          maxLength={300}
        />
        <div className="grid">
          <FormField id={id('slug')} label={t('slug')} hint={t('slugHint')} error={message('slug')}>
            <input {...field('slug', true)} maxLength={80} spellCheck={false} autoCapitalize="none" />
          </FormField>
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
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('mainVenue')}</legend>
        <div className="grid">
          <FormField id={id('venueNameEn')} label={t('venueName')} error={message('venueNameEn')}>
            <input {...field('venueNameEn')} lang="en" maxLength={200} />
          </FormField>
          <FormField id={id('venueCityEn')} label={t('venueCity')} error={message('venueCityEn')}>
            <input {...field('venueCityEn')} lang="en" maxLength={120} />
          </FormField>
          <FormField id={id('venueCountry')} label={t('venueCountry')} error={message('venueCountry')}>
            <select {...field('venueCountry')}>
              <CountryOptions countries={countries} />
            </select>
          </FormField>
          <FormField id={id('venueTimeZone')} label={t('venueTimeZone')} hint={t('venueTimeZoneHint')} error={message('venueTimeZone')}>
            <select {...field('venueTimeZone', true)}>
              <ZoneOptions zones={zones} />
            </select>
          </FormField>
          <FormField id={id('venueAddress')} label={t('venueAddress')} error={message('venueAddress')}>
            <input {...field('venueAddress')} maxLength={300} />
          </FormField>
          <FormField id={id('venueCapacity')} label={t('venueCapacity')} error={message('venueCapacity')}>
            <input {...field('venueCapacity')} type="number" inputMode="numeric" min={1} />
          </FormField>
        </div>
        <label className="checkbox">
          <input type="checkbox" {...register('withOnline')} /> {t('withOnline')}
        </label>
      </fieldset>
      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {t('submit')}
      </button>
    </ClientForm>
  );
}
