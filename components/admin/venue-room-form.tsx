'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useFilledForm } from '@/components/forms/use-filled-form';
import type { Saved } from '@/lib/admin/saved';
import { roomInputSchema, type RoomFormValues, type RoomInput } from '@/lib/agenda/admin/room-schema';
import { FormField, fieldAria } from './venue-field';
import { useValidationText } from '@/components/ui/use-validation-text';
import { FormNotice } from '@/components/forms/form-notice';
import { LocalizedTextFields } from '@/components/forms/localized-text-fields';
import { localizedFieldError } from '@/components/forms/localized-field-error';
import { useFormResult } from '@/components/forms/use-form-result';
import { ClientForm } from '../forms/client-form';

type Props = {
  eventSlug: string;
  venueId: string;
  /** null to add a room. */
  roomId: string | null;
  defaults: RoomFormValues;
  action: (eventSlug: string, venueId: string, roomId: string | null, values: unknown) => Promise<Saved>;
};

const FIELDS = ['name', 'capacity'] as const;
type Field = (typeof FIELDS)[number];

/** Adds a room to a venue, or edits one; several of these can be on one page, so ids carry the room. */
export function RoomForm({ eventSlug, venueId, roomId, defaults, action }: Props) {
  const t = useTranslations('adminVenues');
  const words = useValidationText();
  const router = useRouter();
  const { register, handleSubmit, setError, reset, getValues, watch, formState } = useFilledForm<RoomFormValues, unknown, RoomInput>({
    resolver: zodResolver(roomInputSchema),
    defaultValues: defaults,
  });
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);
  const errors = formState.errors;
  const id = (field: Field) => `room-${roomId ?? 'new'}-${field}`;
  const message = (field: Field) => words(errors[field]?.message as string | undefined);
  // The whole field's error (the server's), else English's own (the browser's check).
  const nameError = words(localizedFieldError(errors.name));
  const field = (name: Field) => ({ ...register(name), ...fieldAria(id(name), message(name)) });

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, venueId, roomId, values);
    if (result.ok) {
      reset(roomId ? getValues() : defaults);
      saved(roomId ? t('rooms.saved') : t('rooms.added'));
      return router.refresh();
    }
    refused(result, { fixErrors: t('fixErrors'), other: (failure) => t('notSaved', { message: failure.error }) });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate data-testid={roomId ? `room-form-${roomId}` : 'room-form-new'}>
      <FormNotice notice={notice} />
      <LocalizedTextFields
        name="name"
        idPrefix={`room-${roomId ?? 'new'}`}
        label={t('rooms.name')}
        missingLabel={t('missingLanguage')}
        register={register}
        values={watch('name') as Record<string, string | undefined>}
        error={nameError}
        maxLength={120}
      />
      <div className="grid">
        <FormField id={id('capacity')} label={t('rooms.capacity')} error={message('capacity')}>
          <input {...field('capacity')} inputMode="numeric" />
        </FormField>
      </div>
      <button className="button secondary" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('saving') : roomId ? t('rooms.save') : t('rooms.create')}
      </button>
    </ClientForm>
  );
}
