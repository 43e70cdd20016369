'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { FormNotice } from '@/components/forms/form-notice';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import { LETTER_PLACEHOLDERS, letterTemplateSchema } from '@/lib/documents/settings';
import type { Result } from '@/lib/errors/result';
import { ClientForm } from '../forms/client-form';

type Values = { body: Record<string, string> };

/** The invitation letter's body in every offered language side by side; empty English keeps the built-in wording. */
export function LetterTemplateForm({
  eventSlug,
  defaults,
  action,
}: {
  eventSlug: string;
  defaults: Values;
  action: (slug: string, values: unknown) => Promise<Result>;
}) {
  const t = useTranslations('adminDocuments');
  const words = useValidationText();
  const router = useRouter();
  const { register, handleSubmit, setError, watch, formState } = useFilledForm<Values>({
    resolver: zodResolver(letterTemplateSchema) as never,
    defaultValues: defaults,
  });
  const { notice, clear, saved, refused } = useFormResult(setError, ['body'] as const);
  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, values);
    if (result.ok) {
      saved(t('letter.saved'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('fixErrors'), other: () => t('notSaved') });
  });
  return (
    <ClientForm onSubmit={onSubmit} noValidate className="card" data-testid="letter-template-form">
      <FormNotice notice={notice} testId="letter-template-notice" />
      <p className="muted" id="letter-placeholders">
        {t('letter.placeholders')} {LETTER_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}
      </p>
      <LocalizedTextFields
        name="body"
        idPrefix="letter"
        label={t('letter.body')}
        missingLabel={t('missingLanguage')}
        register={register}
        values={watch('body') as Record<string, string | undefined>}
        error={words(localizedFieldError(formState.errors.body))}
        multiline
        maxLength={4000}
      />
      <div className="actions">
        <button className="button" type="submit" disabled={formState.isSubmitting}>
          {t('letter.save')}
        </button>
      </div>
    </ClientForm>
  );
}
