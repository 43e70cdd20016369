'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import type { Saved } from '@/lib/admin/saved';
import { roomInputSchema, type RoomFormValues, type RoomInput } from '@/lib/agenda/admin/room-schema';
import { FormField, fieldAria } from './venue-field';
import { useValidationText } from '@/components/ui/use-validation-text';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';

type Props = {
  eventSlug: string;
  venueId: string;
  /** null to add a room. */
  roomId: string | null;
  defaults: RoomFormValues;
  action: (eventSlug: string, venueId: string, roomId: string | null, values: unknown) => Promise<Saved>;
};

const FIELDS = ['nameEn', 'nameZh', 'capacity'] as const;
type Field = (typeof FIELDS)[number];

/** Adds a room to a venue, or edits one; several of these can be on one page, so ids carry the room. */
export function RoomForm({ eventSlug, venueId, roomId, defaults, action }: Props) {
  const t = useTranslations('adminVenues');
  const words = useValidationText();
  const router = useRouter();
  const { register, handleSubmit, setError, reset, getValues, formState } = useForm<RoomFormValues, unknown, RoomInput>({
    resolver: zodResolver(roomInputSchema),
    defaultValues: defaults,
  });
  const { notice, clear, saved, refused } = useFormResult(setError, FIELDS);
  const errors = formState.errors;
  const id = (field: Field) => `room-${roomId ?? 'new'}-${field}`;
  const message = (field: Field) => words(errors[field]?.message);
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
    <form onSubmit={onSubmit} noValidate data-testid={roomId ? `room-form-${roomId}` : 'room-form-new'}>
      <FormNotice notice={notice} />
      <div className="grid">
        <FormField id={id('nameEn')} label={t('rooms.nameEn')} error={message('nameEn')}>
          <input {...field('nameEn')} lang="en" />
        </FormField>
        <FormField id={id('nameZh')} label={t('rooms.nameZh')} error={message('nameZh')}>
          <input {...field('nameZh')} lang="zh" />
        </FormField>
        <FormField id={id('capacity')} label={t('rooms.capacity')} error={message('capacity')}>
          <input {...field('capacity')} inputMode="numeric" />
        </FormField>
      </div>
      <button className="button secondary" type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? t('saving') : roomId ? t('rooms.save') : t('rooms.create')}
      </button>
    </form>
  );
}
