'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import { isLocale } from '@/lib/i18n/locales';
import { useRouter } from 'next/navigation';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { TEAM_ROLES } from '@/lib/auth/authorize';
import type { InviteResult } from '@/lib/team/admin/invite-member';
import { type InviteFormValues, type InviteInput, inviteInputSchema } from '@/lib/team/invite-input';
import { useValidationText } from '@/components/ui/use-validation-text';
import { LanguageOptions } from './select-options';
import { FormField, fieldAria } from './venue-field';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { ClientForm } from '../forms/client-form';

type Field = keyof InviteFormValues;
type Props = {
  eventSlug: string;
  venues: { id: string; name: string }[];
  action: (slug: string, values: unknown) => Promise<InviteResult>;
};

/** Invites a person by email with a role (and the venue a venue role is for); errors stand beside their field. */
export function TeamInviteForm({ eventSlug, venues, action }: Props) {
  const t = useTranslations('adminTeam');
  const words = useValidationText();
  const router = useRouter();
  const pageLocale = useLocale();
  const { register, handleSubmit, setError, formState, reset } = useFilledForm<InviteFormValues, unknown, InviteInput>({
    resolver: zodResolver(inviteInputSchema),
    defaultValues: { email: '', role: 'venue_manager', venueId: '', locale: isLocale(pageLocale) ? pageLocale : 'en' },
  });
  const { notice, clear, refused } = useFormResult(setError);
  const message = (field: Field) => words(formState.errors[field]?.message);
  const id = (field: Field) => `invite-${field}`;
  const field = (name: Field, hasHint = false) => ({ ...register(name), ...fieldAria(id(name), message(name), hasHint) });

  const onSubmit = handleSubmit(async (values) => {
    clear();
    const result = await action(eventSlug, values);
    if (result.ok) {
      reset();
      return router.push(`/admin/events/${eventSlug}/team?${new URLSearchParams({ done: 'invited', email: values.email.trim() })}`);
    }
    refused(result, { fixErrors: t('fixErrors'), other: () => t('fixErrors') });
  });

  return (
    <ClientForm onSubmit={onSubmit} noValidate className="card" data-testid="team-invite-form">
      <FormNotice notice={notice} />
      <div className="grid">
        <FormField id={id('email')} label={t('email')} error={message('email')}>
          <input {...field('email')} type="email" autoComplete="off" />
        </FormField>
        <FormField id={id('role')} label={t('role')} error={message('role')}>
          <select {...field('role')}>
            {TEAM_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={id('venueId')} label={t('venue')} hint={t('venueHint')} error={message('venueId')}>
          <select {...field('venueId', true)}>
            <option value="">{t('noVenue')}</option>
            {venues.map((venue) => (
              <option key={venue.id} value={venue.id}>
                {venue.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id={id('locale')} label={t('locale')} hint={t('localeHint')} error={message('locale')}>
          <select {...field('locale', true)}>
            <LanguageOptions />
          </select>
        </FormField>
      </div>
      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {t('inviteSubmit')}
      </button>
    </ClientForm>
  );
}
