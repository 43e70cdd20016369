'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { Result } from '@/lib/errors/result';
import { isLocale } from '@/lib/i18n/locales';
import { type StaffInviteFormValues, staffInviteInputSchema } from '@/lib/exhibition/staff/staff-invite-input';
import { useValidationText } from '@/components/ui/use-validation-text';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { LanguageOptions } from './select-options';
import { FormField, fieldAria } from './venue-field';
import { ClientForm } from '../forms/client-form';

type Field = keyof StaffInviteFormValues;
type Props = {
  /** The invite, bound on the page to the event and exhibitor. */
  action: (values: unknown) => Promise<Result<{ id: string }>>;
  /** The exhibitor's page, which tells who was invited. */
  doneHref: string;
};

/** Invites a person by email to staff this exhibitor, with the language of their mail. */
export function StaffInviteForm({ action, doneHref }: Props) {
  const t = useTranslations('exhibition.staff');
  const words = useValidationText();
  const router = useRouter();
  const pageLocale = useLocale();
  const { register, handleSubmit, setError, formState, reset } = useFilledForm<StaffInviteFormValues, unknown, StaffInviteFormValues>({
    resolver: zodResolver(staffInviteInputSchema),
    defaultValues: { email: '', locale: isLocale(pageLocale) ? pageLocale : 'en' },
  });
  const { notice, clear, refused } = useFormResult(setError);
  const message = (field: Field) => words(formState.errors[field]?.message);
  const id = (field: Field) => `staff-${field}`;
  const field = (name: Field, hasHint = false) => ({ ...register(name), ...fieldAria(id(name), message(name), hasHint) });

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(values);
    if (result.ok) {
      reset();
      router.push(`${doneHref}?${new URLSearchParams({ done: 'invited' })}`);
      return router.refresh();
    }
    refused(result, { fixErrors: t('fixErrors'), other: () => t('fixErrors') });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate className="card" data-testid="staff-invite-form">
      <FormNotice notice={notice} />
      <div className="grid">
        <FormField id={id('email')} label={t('email')} error={message('email')}>
          <input {...field('email')} type="email" autoComplete="off" />
        </FormField>
        <FormField id={id('locale')} label={t('locale')} error={message('locale')}>
          <select {...field('locale')}>
            <LanguageOptions />
          </select>
        </FormField>
      </div>
      <button className="button" type="submit" disabled={formState.isSubmitting}>
        {t('invite')}
      </button>
    </ClientForm>
  );
}
