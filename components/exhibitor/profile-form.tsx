'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { FormProvider } from 'react-hook-form';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { CountryOption } from '@/lib/admin/form-options';
import type { Saved } from '@/lib/admin/saved';
import { exhibitorProfileSchema, type ExhibitorProfile, type ExhibitorProfileValues } from '@/lib/exhibition/admin/exhibitor-schema';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { ExhibitorProfileFields } from '@/components/exhibition/exhibitor-profile-fields';
import { ClientForm } from '../forms/client-form';

type Props = {
  defaults: ExhibitorProfileValues;
  countries: CountryOption[];
  /** The save, bound on the page to the exhibitor. */
  action: (values: unknown) => Promise<Saved>;
};

const FIELDS = ['name', 'description', 'country', 'sectors', 'website', 'contactName', 'contactEmail', 'contactPhone'] as const;

/** The exhibitor portal's profile form: the organisers' exhibitor form without the address and booth they assign. */
export function ExhibitorProfileForm({ defaults, countries, action }: Props) {
  const t = useTranslations('exhibition');
  const router = useRouter();
  const form = useFilledForm<ExhibitorProfileValues, unknown, ExhibitorProfile>({
    resolver: zodResolver(exhibitorProfileSchema),
    defaultValues: defaults,
  });
  const { handleSubmit, setError, getValues, reset, formState } = form;
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(values);
    if (result.ok) {
      reset(getValues());
      saved(t('portal.profileSaved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('admin.form.fixErrors'), other: (failure) => t('admin.form.notSaved', { message: failure.error }) });
  });

  return (
    <FormProvider {...form}>
      <ClientForm onSubmit={onSubmit} noValidate data-testid="exhibitor-profile-form" className="card">
        <FormNotice notice={notice} testId="exhibitor-notice" />
        <ExhibitorProfileFields countries={countries} />
        <button className="button" type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('admin.form.saving') : t('admin.form.save')}
        </button>
      </ClientForm>
    </FormProvider>
  );
}
