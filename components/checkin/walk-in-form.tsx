'use client';

import type { Locale } from '@/lib/i18n/locales';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTransition } from 'react';
import { useFilledForm } from '@/components/forms/use-filled-form';
import { FormNotice } from '@/components/forms/form-notice';
import { useFormResult } from '@/components/forms/use-form-result';
import { useValidationText } from '@/components/ui/use-validation-text';
import { type WalkInValues, walkInSchema } from '@/lib/checkin/schema';
import type { Result } from '@/lib/errors/result';
import { ClientForm } from '../forms/client-form';

export type WalkInLabels = {
  heading: string;
  name: string;
  email: string;
  organisation: string;
  country: string;
  participantType: string;
  consent: string;
  submit: string;
  admitted: string;
  waitlisted: string;
  fixErrors: string;
  refused: string;
  types: Record<string, string>;
};
type Submit = (input: WalkInValues) => Promise<Result<{ admitted: string | null; waitlisted: boolean }>>;

const FIELDS = ['name', 'email', 'organisation', 'country', 'participantType', 'consent'] as const;

/** Registers someone who arrives without a registration, at this desk's venue, and admits them if a place is left. */
export function WalkInForm({
  venueId,
  locale,
  countries,
  labels,
  submit,
  onDone,
}: {
  venueId: string;
  locale: Locale;
  countries: { code: string; name: string }[];
  labels: WalkInLabels;
  submit: Submit;
  onDone: () => void;
}) {
  const words = useValidationText();
  const form = useFilledForm<WalkInValues>({
    resolver: zodResolver(walkInSchema),
    defaultValues: {
      name: '',
      email: '',
      organisation: '',
      country: '',
      participantType: 'other',
      locale,
      consent: false as never,
      venueId,
    },
  });
  const result = useFormResult(form.setError, FIELDS);
  const [pending, startTransition] = useTransition();
  const send = (values: WalkInValues) =>
    startTransition(async () => {
      result.clear();
      const answer = await submit(values);
      if (!answer.ok) return result.refused(answer, { fixErrors: labels.fixErrors, other: () => labels.refused });
      result.saved(answer.waitlisted ? labels.waitlisted : labels.admitted.replace('{name}', answer.admitted ?? ''));
      form.reset({
        name: '',
        email: '',
        organisation: '',
        country: '',
        participantType: 'other',
        locale,
        consent: false as never,
        venueId,
      });
      onDone();
    });
  const error = (field: (typeof FIELDS)[number]) => {
    const message = words(form.formState.errors[field]?.message);
    return message ? (
      <p id={`walkin-${field}-error`} className="error">
        {message}
      </p>
    ) : null;
  };
  const described = (field: (typeof FIELDS)[number]) =>
    form.formState.errors[field] ? { 'aria-invalid': true, 'aria-describedby': `walkin-${field}-error` } : {};

  return (
    <details className="card walk-in">
      <summary>{labels.heading}</summary>
      <ClientForm onSubmit={form.handleSubmit(send)} noValidate>
        <FormNotice notice={result.notice} testId="walkin-notice" />
        <label htmlFor="walkin-name">{labels.name}</label>
        <input id="walkin-name" autoComplete="off" {...described('name')} {...form.register('name')} />
        {error('name')}
        <label htmlFor="walkin-email">{labels.email}</label>
        <input id="walkin-email" type="email" autoComplete="off" {...described('email')} {...form.register('email')} />
        {error('email')}
        <label htmlFor="walkin-organisation">{labels.organisation}</label>
        <input id="walkin-organisation" autoComplete="off" {...described('organisation')} {...form.register('organisation')} />
        {error('organisation')}
        <label htmlFor="walkin-country">{labels.country}</label>
        <select id="walkin-country" {...described('country')} {...form.register('country')}>
          <option value="" />
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {error('country')}
        <label htmlFor="walkin-type">{labels.participantType}</label>
        <select id="walkin-type" {...described('participantType')} {...form.register('participantType')}>
          {Object.entries(labels.types).map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
        {error('participantType')}
        <label className="check">
          <input type="checkbox" {...described('consent')} {...form.register('consent')} /> {labels.consent}
        </label>
        {error('consent')}
        <button className="button" type="submit" disabled={pending}>
          {labels.submit}
        </button>
      </ClientForm>
    </details>
  );
}
