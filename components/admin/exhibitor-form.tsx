'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormProvider } from 'react-hook-form';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { CountryOption } from '@/lib/admin/form-options';
import type { Saved } from '@/lib/admin/saved';
import { suggestSlug } from '@/lib/admin/suggest-slug';
import { exhibitorInputSchema, type ExhibitorFormValues, type ExhibitorInput } from '@/lib/exhibition/admin/exhibitor-schema';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import { ExhibitorProfileFields } from '@/components/exhibition/exhibitor-profile-fields';
import { FormField, fieldAria } from './venue-field';
import { ClientForm } from '../forms/client-form';

type Props = {
  eventSlug: string;
  /** null for a new exhibitor. */
  exhibitorId: string | null;
  defaults: ExhibitorFormValues;
  countries: CountryOption[];
  /** The on-site venues a booth can be at, named in the page's language. */
  venues: { id: string; name: string }[];
  action: (eventSlug: string, exhibitorId: string | null, values: unknown) => Promise<Saved>;
};

const FIELDS = [
  'slug',
  'name',
  'description',
  'country',
  'sectors',
  'website',
  'contactName',
  'contactEmail',
  'contactPhone',
  'venueId',
  'hall',
  'booth',
] as const;
type Field = (typeof FIELDS)[number];

export function ExhibitorForm({ eventSlug, exhibitorId, defaults, countries, venues, action }: Props) {
  const t = useTranslations('exhibition');
  const words = useValidationText();
  const router = useRouter();
  const form = useFilledForm<ExhibitorFormValues, unknown, ExhibitorInput>({
    resolver: zodResolver(exhibitorInputSchema),
    defaultValues: defaults,
  });
  const { register, handleSubmit, setError, setValue, getValues, reset, formState } = form;
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);
  const id = (field: Field) => `exhibitor-${field}`;
  const message = (field: Field) => words(formState.errors[field]?.message as string | undefined);
  const field = (name: 'slug' | 'venueId' | 'hall' | 'booth', hasHint = false) => ({
    ...register(name),
    ...fieldAria(id(name), message(name), hasHint),
  });

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, exhibitorId, values);
    if (result.ok) {
      if (!exhibitorId) return router.push(`/admin/events/${eventSlug}/exhibitors/${result.id}?done=created`);
      reset(getValues());
      saved(t('admin.saved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('admin.form.fixErrors'), other: (failure) => t('admin.form.notSaved', { message: failure.error }) });
  });

  const slugField = (
    <FormField id={id('slug')} label={t('admin.form.slug')} hint={t('admin.form.slugHint')} error={message('slug')}>
      <input {...field('slug', true)} spellCheck={false} autoCapitalize="none" />
    </FormField>
  );
  const boothFields = (
    <fieldset>
      <legend>{t('admin.form.booth')}</legend>
      <div className="grid">
        <FormField id={id('venueId')} label={t('admin.form.venue')} error={message('venueId')}>
          <select {...field('venueId')}>
            <option value="">{t('admin.form.onlineOnly')}</option>
            {venues.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={id('hall')} label={t('admin.form.hall')} error={message('hall')}>
          <input {...field('hall')} autoComplete="off" />
        </FormField>
        <FormField id={id('booth')} label={t('admin.form.boothNumber')} error={message('booth')}>
          <input {...field('booth')} autoComplete="off" />
        </FormField>
      </div>
    </fieldset>
  );
  return (
    <FormProvider {...form}>
      <ClientForm onSubmit={onSubmit} noValidate data-testid="exhibitor-form" className="card">
        <FormNotice notice={notice} testId="exhibitor-notice" />
        <ExhibitorProfileFields
          countries={countries}
          besideCountry={slugField}
          beforeContacts={boothFields}
          // A new exhibitor's address follows its English name until someone types one.
          onEnglishNameBlur={(value) => {
            if (!exhibitorId && !getValues('slug')) setValue('slug', suggestSlug(value));
          }}
        />
        <button className="button" type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('admin.form.saving') : exhibitorId ? t('admin.form.save') : t('admin.form.create')}
        </button>
      </ClientForm>
    </FormProvider>
  );
}
