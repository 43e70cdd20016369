'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { CountryOption } from '@/lib/admin/form-options';
import type { Saved } from '@/lib/admin/saved';
import { suggestSlug } from '@/lib/admin/suggest-slug';
import { VENUE_KINDS, venueInputSchema, type VenueFormValues, type VenueInput } from '@/lib/agenda/admin/venue-schema';
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
  /** null for a new venue. */
  venueId: string | null;
  defaults: VenueFormValues;
  zones: string[];
  countries: CountryOption[];
  /** Sessions held at or relayed to the venue: their local times move if its zone changes. */
  sessionCount: number;
  confirmedCount: number;
  action: (eventSlug: string, venueId: string | null, values: unknown) => Promise<Saved>;
};

const FIELDS = ['slug', 'name', 'city', 'country', 'timeZone', 'kind', 'capacity', 'address', 'position'] as const;
type Field = (typeof FIELDS)[number];

export function VenueForm({ eventSlug, venueId, defaults, zones, countries, sessionCount, confirmedCount, action }: Props) {
  const t = useTranslations('adminVenues');
  const words = useValidationText();
  const router = useRouter();
  const { register, handleSubmit, setError, setValue, getValues, watch, reset, formState } = useFilledForm<
    VenueFormValues,
    unknown,
    VenueInput
  >({
    resolver: zodResolver(venueInputSchema),
    defaultValues: defaults,
  });
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);
  const errors = formState.errors;
  const id = (field: Field) => `venue-${field}`;
  const message = (field: Field) => words(errors[field]?.message as string | undefined);
  // A localised field's error: the server's for the whole field, else English's own (the browser's check).
  const localizedError = (field: 'name' | 'city') => words(localizedFieldError(errors[field]));
  const field = (name: Field, hasHint = false) => ({ ...register(name), ...fieldAria(id(name), message(name), hasHint) });
  const zoneChanged = venueId !== null && sessionCount > 0 && watch('timeZone') !== defaults.timeZone;

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, venueId, values);
    if (result.ok) {
      if (!venueId) return router.push(`/admin/events/${eventSlug}/agenda/venues/${result.id}?done=created`);
      reset(getValues());
      saved(result.shiftedSessions ? t('venue.shifted', { count: result.shiftedSessions }) : t('venue.saved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('fixErrors'), other: (failure) => t('notSaved', { message: failure.error }) });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate data-testid="venue-form" className="card">
      <FormNotice notice={notice} testId="venue-notice" />
      <LocalizedTextFields
        name="name"
        idPrefix="venue"
        label={t('venue.name')}
        missingLabel={t('missingLanguage')}
        register={register}
        values={watch('name') as Record<string, string | undefined>}
        error={localizedError('name')}
        maxLength={200}
      />
      <LocalizedTextFields
        name="city"
        idPrefix="venue"
        label={t('venue.city')}
        missingLabel={t('missingLanguage')}
        register={register}
        values={watch('city') as Record<string, string | undefined>}
        error={localizedError('city')}
        maxLength={100}
        onEnglishBlur={(value) => {
          if (!venueId && !getValues('slug')) setValue('slug', suggestSlug(value));
        }}
      />
      <div className="grid">
        <FormField id={id('slug')} label={t('venue.slug')} hint={t('venue.slugHint')} error={message('slug')}>
          <input {...field('slug', true)} spellCheck={false} autoCapitalize="none" />
        </FormField>
        <FormField id={id('country')} label={t('venue.country')} error={message('country')}>
          <select {...field('country')}>
            <option value="">{t('venue.chooseCountry')}</option>
            <CountryOptions countries={countries} />
          </select>
        </FormField>
        <FormField id={id('timeZone')} label={t('venue.timeZone')} hint={t('venue.timeZoneHint')} error={message('timeZone')}>
          <select {...field('timeZone', true)}>
            <ZoneOptions zones={zones} />
          </select>
        </FormField>
        <FormField id={id('kind')} label={t('venue.kind')} error={message('kind')}>
          <select {...field('kind')}>
            {VENUE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          id={id('capacity')}
          label={t('venue.capacity')}
          hint={`${t('venue.capacityHint')} ${venueId ? t('venue.confirmedHint', { count: confirmedCount }) : ''}`}
          error={message('capacity')}
        >
          <input {...field('capacity', true)} inputMode="numeric" />
        </FormField>
        <FormField id={id('position')} label={t('venue.position')} hint={t('venue.positionHint')} error={message('position')}>
          <input {...field('position', true)} inputMode="numeric" />
        </FormField>
      </div>
      <FormField id={id('address')} label={t('venue.address')} error={message('address')}>
        <input {...field('address')} />
      </FormField>
      {zoneChanged && (
        <p className="notice bad" role="status" data-testid="zone-warning">
          {t('venue.zoneWarning', { count: sessionCount })}
        </p>
      )}
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('saving') : venueId ? t('venue.save') : t('venue.create')}
      </button>
    </ClientForm>
  );
}
