'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { Saved } from '@/lib/admin/saved';
import { categoryInputSchema, type CategoryFormValues, type CategoryInput } from '@/lib/registration/admin/categories/category-input';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import { FormField, fieldAria } from './venue-field';
import { ClientForm } from '../forms/client-form';

type Props = {
  eventSlug: string;
  /** null for a new category. */
  categoryId: string | null;
  defaults: CategoryFormValues;
  /** The event's in-person venues, already in the page's language. */
  venues: { id: string; label: string }[];
  /** The event's zone, named beside the registration window's times. */
  zoneLabel: string;
  confirmedCount: number;
  action: (eventSlug: string, categoryId: string | null, values: unknown) => Promise<Saved>;
};

const FIELDS = [
  'name',
  'description',
  'capacity',
  'visibility',
  'requiresApproval',
  'visaSupport',
  'opensAt',
  'closesAt',
  'allowedModes',
  'allowedVenueIds',
  'position',
] as const;
type Field = (typeof FIELDS)[number];

/** An attendee category: its names and descriptions side by side in each language, its rules below. */
export function CategoryForm({ eventSlug, categoryId, defaults, venues, zoneLabel, confirmedCount, action }: Props) {
  const t = useTranslations('adminCategories');
  const words = useValidationText();
  const router = useRouter();
  const { register, registerChoice, handleSubmit, setError, getValues, reset, watch, formState } = useFilledForm<
    CategoryFormValues,
    unknown,
    CategoryInput
  >({
    resolver: zodResolver(categoryInputSchema),
    defaultValues: defaults,
  });
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);
  const errors = formState.errors;
  const id = (field: Field) => `category-${field}`;
  const message = (field: Field) => words(errors[field]?.message as string | undefined);
  const field = (name: Field, hasHint = false) => ({ ...register(name), ...fieldAria(id(name), message(name), hasHint) });

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, categoryId, values);
    if (result.ok) {
      if (!categoryId) return router.push(`/admin/events/${eventSlug}/categories/${result.id}?done=created`);
      reset(getValues());
      saved(t('saved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('fixErrors'), other: (failure) => t('notSaved', { message: failure.error }) });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate data-testid="category-form" className="card">
      <FormNotice notice={notice} testId="category-notice" />
      <LocalizedTextFields
        name="name"
        idPrefix="category"
        label={t('name')}
        missingLabel={t('missingLanguage')}
        register={register}
        values={watch('name') as Record<string, string | undefined>}
        error={words(localizedFieldError(errors.name))}
        maxLength={120}
      />
      <LocalizedTextFields
        name="description"
        idPrefix="category"
        label={t('description')}
        missingLabel={t('missingLanguage')}
        register={register}
        values={watch('description') as Record<string, string | undefined>}
        error={words(localizedFieldError(errors.description))}
        maxLength={1000}
        multiline
      />
      <div className="grid">
        <FormField
          id={id('capacity')}
          label={t('capacity')}
          hint={`${t('capacityHint')}${categoryId ? ` ${t('heldHint', { count: confirmedCount })}` : ''}`}
          error={message('capacity')}
        >
          <input {...field('capacity', true)} inputMode="numeric" />
        </FormField>
        <FormField id={id('visibility')} label={t('visibility')} error={message('visibility')}>
          <select {...field('visibility')}>
            <option value="public">{t('visibilities.public')}</option>
            <option value="invitation">{t('visibilities.invitation')}</option>
          </select>
        </FormField>
        <FormField id={id('opensAt')} label={t('opensAt', { zone: zoneLabel })} hint={t('windowHint')} error={message('opensAt')}>
          <input {...field('opensAt', true)} type="datetime-local" />
        </FormField>
        <FormField id={id('closesAt')} label={t('closesAt', { zone: zoneLabel })} error={message('closesAt')}>
          <input {...field('closesAt')} type="datetime-local" />
        </FormField>
        <FormField id={id('position')} label={t('position')} hint={t('positionHint')} error={message('position')}>
          <input {...field('position', true)} inputMode="numeric" />
        </FormField>
      </div>
      <label className="check">
        <input type="checkbox" {...register('requiresApproval')} id={id('requiresApproval')} /> {t('requiresApproval')}
      </label>
      <label className="check">
        <input type="checkbox" {...register('visaSupport')} id={id('visaSupport')} /> {t('visaSupport')}
      </label>
      <fieldset aria-describedby={`${id('allowedModes')}-error`}>
        <legend>{t('allowedModes')}</legend>
        <label className="check">
          <input type="checkbox" {...registerChoice('allowedModes', 'in_person')} /> {t('modes.in_person')}
        </label>
        <label className="check">
          <input type="checkbox" {...registerChoice('allowedModes', 'online')} /> {t('modes.online')}
        </label>
        <span id={`${id('allowedModes')}-error`} className="error" role={message('allowedModes') ? 'alert' : undefined}>
          {message('allowedModes') ?? ''}
        </span>
      </fieldset>
      <fieldset aria-describedby={`${id('allowedVenueIds')}-hint ${id('allowedVenueIds')}-error`}>
        <legend>{t('allowedVenues')}</legend>
        <p id={`${id('allowedVenueIds')}-hint`} className="muted">
          {t('allowedVenuesHint')}
        </p>
        {venues.map((venue) => (
          <label key={venue.id} className="check">
            <input type="checkbox" {...registerChoice('allowedVenueIds', venue.id)} /> {venue.label}
          </label>
        ))}
        <span id={`${id('allowedVenueIds')}-error`} className="error" role={message('allowedVenueIds') ? 'alert' : undefined}>
          {message('allowedVenueIds') ?? ''}
        </span>
      </fieldset>
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {categoryId ? t('save') : t('create')}
      </button>
    </ClientForm>
  );
}
