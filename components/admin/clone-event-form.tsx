'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { CloneEventResult } from '@/lib/events/admin/clone-event';
import { type CloneEventFormValues, type CloneEventInput, cloneEventSchema } from '@/lib/events/admin/clone-event-input';
import { FormField, fieldAria } from './venue-field';
import { useValidationText } from '@/components/ui/use-validation-text';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { ClientForm } from '../forms/client-form';

type Field = keyof CloneEventInput;
type Props = {
  eventSlug: string;
  defaults: Partial<CloneEventFormValues>;
  action: (slug: string, values: unknown) => Promise<CloneEventResult>;
};

/** Starts next year's edition from this one: a new address, a new first day, a new name. */
export function CloneEventForm({ eventSlug, defaults, action }: Props) {
  const t = useTranslations('adminEvents.clone');
  const words = useValidationText();
  const router = useRouter();
  const { register, handleSubmit, setError, watch, formState } = useFilledForm<CloneEventFormValues, unknown, CloneEventInput>({
    resolver: zodResolver(cloneEventSchema),
    defaultValues: defaults,
  });
  const { notice, clear, refused } = useFormResult(setError);
  const message = (field: Field) => words(formState.errors[field]?.message as string | undefined);
  const id = (field: Field) => `clone-${field}`;
  const field = (name: Field, hasHint = false) => ({ ...register(name), ...fieldAria(id(name), message(name), hasHint) });

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, values);
    if (result.ok) {
      const copied = new URLSearchParams({
        done: 'cloned',
        from: eventSlug,
        ...Object.fromEntries(Object.entries(result.copied).map(([k, v]) => [k, String(v)])),
      });
      return router.push(`/admin/events/${result.slug}/settings?${copied}`);
    }
    refused(result, { fixErrors: t('fixErrors'), other: () => t('fixErrors') });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate data-testid="clone-event-form">
      <FormNotice notice={notice} />
      <LocalizedTextFields
        name="name"
        idPrefix="clone"
        label={t('name')}
        missingLabel={t('missingLanguage')}
        register={register}
        values={watch('name') as Record<string, string | undefined>}
        error={words(localizedFieldError(formState.errors.name))}
        maxLength={200}
      />
      <div className="grid">
        <FormField id={id('slug')} label={t('slug')} hint={t('slugHint')} error={message('slug')}>
          <input {...field('slug', true)} maxLength={80} spellCheck={false} autoCapitalize="none" />
        </FormField>
        <FormField id={id('firstDay')} label={t('firstDay')} hint={t('firstDayHint')} error={message('firstDay')}>
          <input {...field('firstDay', true)} type="date" />
        </FormField>
      </div>
      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {t('submit')}
      </button>
    </ClientForm>
  );
}
